package ru.msed.benchmark;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL statements that took the database's time during one benchmark phase, from PostgreSQL's
 * {@code pg_stat_statements} when the server preloads it (see README, Benchmark); otherwise empty.
 */
final class StatementProfile {

    private final JdbcTemplate jdbc;
    private final boolean available;

    StatementProfile(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.available = enable(jdbc);
    }

    private static boolean enable(JdbcTemplate jdbc) {
        try {
            jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            jdbc.queryForObject("SELECT count(*) FROM pg_stat_statements", Long.class);
            return true;
        } catch (RuntimeException notPreloaded) {
            return false;
        }
    }

    void reset() {
        if (available) {
            jdbc.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The {@code limit} statements with the most total execution time since the last reset. */
    List<Map<String, Object>> top(int limit) {
        if (!available) {
            return List.of();
        }
        return jdbc.queryForList("""
                SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 220) AS statement, calls,
                       round(total_exec_time::numeric, 1) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
                       rows
                FROM pg_stat_statements
                WHERE query NOT LIKE '%pg_stat_statements%'
                ORDER BY total_exec_time DESC LIMIT ?""", limit);
    }
}
