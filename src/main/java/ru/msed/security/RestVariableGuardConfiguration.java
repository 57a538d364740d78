package ru.msed.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Puts {@link FinishedTaskRequests} and {@link RestVariableGuard} in front of both REST roots of the engine. */
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

    @Bean
    FilterRegistrationBean<Filter> finishedTaskRequests(JdbcTemplate jdbc) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new FinishedTaskRequests(jdbc));
        registration.setName("finishedTaskRequests");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // After authentication (200): an anonymous caller learns nothing about task ids.
        registration.setOrder(240);
        return registration;
    }
}
