package ru.msed.appeal;

import jakarta.servlet.Filter;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public appeal form is anonymous the way the login page's lists are: its paths are outside {@code /api}
 * and {@code /engine-rest}, which need a login. Only its page and {@code /public-api/appeals} exist there;
 * {@link PublicAppealFilter} guards both before anything else runs.
 */
@Configuration(proxyBeanMethods = false)
class PublicAppealConfiguration {

    @Bean
    FilterRegistrationBean<Filter> publicAppealFilter(JdbcTemplate jdbc, AppealProperties properties, Clock clock) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new PublicAppealFilter(jdbc, properties, clock));
        registration.setName("publicAppealFilter");
        registration.addUrlPatterns("/public-api/*", "/appeal.html", "/appeal.js", "/appeal.css");
        // Right after the application-wide security headers, whose page policy the form's stricter one replaces,
        // and before anything reads the body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }
}
