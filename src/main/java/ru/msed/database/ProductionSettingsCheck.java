package ru.msed.database;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile without the external database and the first
 * administrator's credentials, naming exactly what is missing instead of failing later deep in
 * a connection pool.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor {

    static final List<String> REQUIRED = List.of("MSED_DB_URL", "MSED_DB_USER", "MSED_DB_PASSWORD");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        List<String> missing = REQUIRED.stream()
                .filter(name -> environment.getProperty(name, "").isBlank())
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The prod profile needs an external PostgreSQL: set the environment variables "
                    + String.join(", ", missing) + " (see README, 'Running in production').");
        }
    }
}
