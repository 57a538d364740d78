package ru.msed.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the PostgreSQL the application starts itself when no database URL is configured.
 *
 * @param dataDirectory where the cluster lives; kept between restarts unless {@code clean}
 * @param port fixed port, or 0 for any free one
 * @param clean wipe the data directory on start (tests)
 */
@ConfigurationProperties("msed.embedded-postgres")
public record EmbeddedPostgresProperties(String dataDirectory, int port, boolean clean) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null || dataDirectory.isBlank()) {
            dataDirectory = "data/postgres";
        }
    }
}
