package ru.msed.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Nodes starting together on an empty database would both create Liquibase's own tables (its lock
 * table is only a lock once it exists): "relation databasechangelog already exists" stops one of
 * them. The schema migration therefore runs under a PostgreSQL session advisory lock taken on the
 * migration's own data source just before it and released right after; a node that dies holding it
 * frees it with its connection.
 */
@Component
class SchemaMigrationLock implements BeanPostProcessor, DisposableBean {

    /** Any application-wide constant ("MSEDLIQB" in ASCII), distinct from {@link StartupLock#KEY}. */
    static final long KEY = 0x4d5345_444c495142L;
    private static final Logger log = LoggerFactory.getLogger(SchemaMigrationLock.class);

    private Connection connection;

    @Override
    public synchronized Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof SpringLiquibase liquibase && connection == null) {
            try {
                connection = liquibase.getDataSource().getConnection();
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    var free = statement.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")");
                    free.next();
                    if (!free.getBoolean(1)) {
                        log.info("Another node is migrating the schema: waiting for it");
                        statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
                    }
                }
                log.debug("Schema migration lock taken");
            } catch (SQLException e) {
                release();
                throw new IllegalStateException("Could not take the schema migration lock", e);
            }
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof SpringLiquibase) {
            release();
        }
        return bean;
    }

    private synchronized void release() {
        if (connection == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            log.warn("Could not release the schema migration lock (closing its connection frees it): {}", e.getMessage());
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The lock goes with the session.
            }
            connection = null;
        }
    }

    @Override
    public void destroy() {
        release();
    }
}
