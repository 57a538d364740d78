package ru.msed.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every page and API answer: no framing ({@code X-Frame-Options: DENY} and
 * {@code frame-ancestors 'none'}), {@code nosniff}, {@code Referrer-Policy: same-origin}, and a
 * Content-Security-Policy. The application's pages get the webapps' default policy
 * ({@code camunda.bpm.webapp.header-security}) without what only their AngularJS needs (nonce,
 * {@code 'unsafe-eval'}, inline scripts): scripts come from files of this site only. The webapps'
 * own pages ({@code /camunda/app}) keep the policy their filter sets; their API answers get ours
 * unless their filter sets its own (a policy matters for documents only).
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; block-all-mixed-content";

    @Bean
    FilterRegistrationBean<HeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<HeadersFilter> registration = new FilterRegistrationBean<>(new HeadersFilter());
        registration.setName("securityHeaders");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static class HeadersFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "same-origin");
            if (!path.startsWith("/camunda/app/")) {
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
            chain.doFilter(request, response);
        }
    }
}
