package ru.msed.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param enabled load the demo organization at start-up (never in prod) @param password the demo users' password */
@ConfigurationProperties("msed.demo")
public record DemoProperties(boolean enabled, String password) {
}
