package ru.msed.content;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Transaction-scoped PostgreSQL advisory locks per key (per 1/256 of the key space, so a batch of
 * thousands of files takes at most 256 locks). A transaction that makes a row name a key
 * holds the shared lock until it commits; the sweep deletes a key only under the exclusive lock and
 * after seeing no row: so a row and a deletion of its file never cross.
 */
@Component
public class ContentLocks {

    /** "MSED" — the lock space of content keys. */
    private static final int SPACE = 0x4D534544;

    private final JdbcTemplate jdbc;

    ContentLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Within the caller's transaction: this key is about to be (or is being) referenced. */
    public void shared(String key) {
        jdbc.query("SELECT pg_advisory_xact_lock_shared(?, ?)", rs -> { }, SPACE, id(key));
    }

    /** {@link #shared} for many keys at once (an import batch). */
    public void sharedAll(java.util.Collection<String> keys) {
        keys.stream().map(ContentLocks::id).distinct().sorted()
                .forEach(id -> jdbc.query("SELECT pg_advisory_xact_lock_shared(?, ?)", rs -> { }, SPACE, id));
    }

    boolean tryExclusive(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?, ?)", Boolean.class, SPACE, id(key)));
    }

    private static int id(String key) {
        return Integer.parseInt(ContentKeys.require(key).substring(0, 2), 16);
    }
}
