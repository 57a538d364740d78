package ru.msed.security;

import jakarta.servlet.Filter;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msed.organization.OrganizationService;

/**
 * Nothing but the login page and static assets is anonymous: {@code /engine-rest} (open by
 * default in Camunda) and the application's {@code /api} require a user, and every call runs
 * with that user's authorizations.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthenticationConfiguration {

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        return authentication("engineRestAuthentication", "/engine-rest", "/engine-rest/*",
                HttpBasicAuthenticationProvider.class);
    }

    @Bean
    FilterRegistrationBean<Filter> apiAuthentication() {
        return authentication("apiAuthentication", "", "/api/*", SessionOrBasicAuthenticationProvider.class);
    }

    /** Before the authentication filters: a paused login is refused before its password is checked. */
    @Bean
    FilterRegistrationBean<Filter> loginThrottleFilter(LoginThrottle throttle) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
        registration.setName("loginThrottle");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/admin/auth/*");
        registration.setOrder(100);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> loginDirectoryRateLimit(LoginProperties properties, java.time.Clock clock) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new LoginDirectoryRateLimit(properties, clock));
        registration.setName("loginDirectoryRateLimit");
        registration.addUrlPatterns("/login-api/*");
        registration.setOrder(100);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> webappTenantDenialAs403() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new WebappTenantDenialAs403());
        registration.setName("webappTenantDenialAs403");
        registration.addUrlPatterns("/camunda/api/*");
        registration.setOrder(50);
        return registration;
    }

    /** After the authentication filters: the caller is known by then. */
    @Bean
    FilterRegistrationBean<Filter> identityVerifyGuard(LoginThrottle throttle, IdentityService identityService) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new IdentityVerifyGuard(throttle, identityService));
        registration.setName("identityVerifyGuard");
        registration.addUrlPatterns(IdentityVerifyGuard.paths().toArray(String[]::new));
        registration.setOrder(250);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> passwordChangeRequired(IdentityService identityService, OrganizationService organizations) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new PasswordChangeRequiredFilter(identityService, organizations));
        registration.setName("passwordChangeRequired");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/engine/*", "/camunda/api/tasklist/*",
                "/camunda/api/cockpit/*");
        // Inside the authentication filters: the engine authentication is set by then.
        registration.setOrder(300);
        return registration;
    }

    private static FilterRegistrationBean<Filter> authentication(String name, String prefix, String urlPattern,
            Class<? extends AuthenticationProvider> provider) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName(name);
        registration.addUrlPatterns(urlPattern);
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                provider.getName(),
                ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, prefix));
        // After the webapps' session filters, so the session's authentication is already there.
        registration.setOrder(200);
        return registration;
    }
}
