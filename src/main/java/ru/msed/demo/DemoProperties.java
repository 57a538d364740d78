package ru.msed.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled load the demo organization at start-up (never in prod)
 * @param password the demo users' password
 * @param work also take sample documents through the regulations (DemoWork); off where a test counts instances
 */
@ConfigurationProperties("msed.demo")
public record DemoProperties(boolean enabled, String password, @DefaultValue("true") boolean work) {
}
