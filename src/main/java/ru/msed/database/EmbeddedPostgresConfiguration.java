package ru.msed.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Starts PostgreSQL 17 inside the application when {@code spring.datasource.url} is not set, so
 * {@code ./mvnw spring-boot:run} and the tests need nothing installed. Production ({@code prod})
 * always points at an external database.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!prod")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        File dataDirectory = new File(properties.dataDirectory()).getAbsoluteFile();
        dataDirectory.mkdirs();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(properties.clean())
                // Spring closes it after the engine and the pool; a JVM hook of its own would race them.
                .setRegisterShutdownHook(false)
                // UTF-8 with PostgreSQL 17's built-in provider: Cyrillic case mapping without OS locales.
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setServerConfig("max_connections", "100");
        properties.serverConfig().forEach(builder::setServerConfig);
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        return builder.start();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("msed-embedded");
        return dataSource;
    }
}
