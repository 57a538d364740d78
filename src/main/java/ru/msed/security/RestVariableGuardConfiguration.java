package ru.msed.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link RestVariableGuard} in front of both REST roots of the engine. */
@Configuration(proxyBeanMethods = false)
class RestVariableGuardConfiguration {

    @Bean
    FilterRegistrationBean<Filter> restVariableGuard(EngineRestObjects objects, IdentityService identity) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RestVariableGuard(objects, identity));
        registration.setName("restVariableGuard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // Inside the authentication filters (200): the engine knows the user, whose groups decide.
        registration.setOrder(250);
        return registration;
    }
}
