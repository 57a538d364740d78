package ru.msed.database;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the PostgreSQL the application starts itself when no database URL is configured.
 *
 * @param dataDirectory where the cluster lives; kept between restarts unless {@code clean}
 * @param port fixed port, or 0 for any free one
 * @param clean wipe the data directory on start (tests)
 * @param serverConfig extra {@code postgresql.conf} settings, e.g. {@code shared_preload_libraries:
 *     pg_stat_statements} for the benchmark's statement profile; they win over the durable defaults
 *     ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes} all on)
 * @param startupWait how long to wait for the server to accept connections, crash recovery included
 * @param stopWait how long to wait for an orphaned server (left by a killed application) to stop
 */
@ConfigurationProperties("msed.embedded-postgres")
public record EmbeddedPostgresProperties(String dataDirectory, int port, boolean clean, Map<String, String> serverConfig,
        Duration startupWait, Duration stopWait) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null || dataDirectory.isBlank()) {
            dataDirectory = "data/postgres";
        }
        serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
        if (startupWait == null) {
            startupWait = Duration.ofMinutes(10);
        }
        if (stopWait == null) {
            stopWait = Duration.ofMinutes(2);
        }
    }
}
