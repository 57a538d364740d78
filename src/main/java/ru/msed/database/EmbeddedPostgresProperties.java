package ru.msed.database;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the PostgreSQL the application starts itself when no database URL is configured.
 *
 * @param dataDirectory where the cluster lives; kept between restarts unless {@code clean}
 * @param port fixed port, or 0 for any free one
 * @param clean wipe the data directory on start (tests)
 * @param serverConfig extra {@code postgresql.conf} settings, e.g. {@code shared_preload_libraries:
 *     pg_stat_statements} for the benchmark's statement profile
 */
@ConfigurationProperties("msed.embedded-postgres")
public record EmbeddedPostgresProperties(String dataDirectory, int port, boolean clean, Map<String, String> serverConfig) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null || dataDirectory.isBlank()) {
            dataDirectory = "data/postgres";
        }
        serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
    }
}
