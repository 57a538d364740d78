package ru.msed.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One node at a time runs the start-up steps that write shared data (roles' authorizations,
 * Tasklist folders, demo data, the first administrator): they check, then insert, which is only
 * safe when nobody else does the same at once. The runners ordered between {@link Acquire} and
 * {@link Release} hold a PostgreSQL session-level advisory lock; nodes starting together take turns,
 * and a node that dies holding it frees it with its connection.
 */
@Component
public class StartupLock implements DisposableBean {

    /** Ordered before every start-up runner. */
    public static final int ACQUIRE_ORDER = Integer.MIN_VALUE;
    /** After the runners that write shared data (orders 0..20), before the commands (100) that run for long. */
    public static final int RELEASE_ORDER = 50;

    /** Any application-wide constant ("MSEDINIT" in ASCII). */
    static final long KEY = 0x4d5345_44494e4954L;
    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private final DataSource dataSource;
    private Connection connection;

    StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    synchronized void acquire() throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            var free = statement.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")");
            free.next();
            if (!free.getBoolean(1)) {
                log.info("Another node is running its start-up steps: waiting for it");
                long started = System.nanoTime();
                statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
                log.info("Start-up lock taken after {} ms", (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    synchronized void release() throws SQLException {
        if (connection == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        } finally {
            connection.close();
            connection = null;
        }
    }

    @Override
    public void destroy() throws SQLException {
        release();
    }

    @Component
    @Order(ACQUIRE_ORDER)
    static class Acquire implements ApplicationRunner {
        private final StartupLock lock;

        Acquire(StartupLock lock) {
            this.lock = lock;
        }

        @Override
        public void run(ApplicationArguments args) throws SQLException {
            lock.acquire();
        }
    }

    @Component
    @Order(RELEASE_ORDER)
    static class Release implements ApplicationRunner {
        private final StartupLock lock;

        Release(StartupLock lock) {
            this.lock = lock;
        }

        @Override
        public void run(ApplicationArguments args) throws SQLException {
            lock.release();
        }
    }
}
