package ru.msed.operations;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator: the liveness and readiness probes answer anyone (a load balancer or orchestrator has
 * no login); every other endpoint (health details, metrics, Prometheus) only technical support,
 * authenticated like {@code /api} (webapp session or HTTP Basic). Every request's log lines carry
 * its user and organization.
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurity {

    @Bean
    FilterRegistrationBean<Filter> actuatorAccess(ProcessEngine engine) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ActuatorAccessFilter(engine));
        registration.setName("actuatorAccess");
        registration.addUrlPatterns("/actuator/*");
        registration.setOrder(200);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> requestLogContext(ProcessEngine engine) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RequestLogContext(engine));
        registration.setName("requestLogContext");
        registration.addUrlPatterns("/*");
        // Inside the authentication filters (200), so the engine's authentication is known.
        registration.setOrder(250);
        return registration;
    }
}
