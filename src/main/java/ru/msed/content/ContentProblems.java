package ru.msed.content;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Files the database names but the store cannot give as they were uploaded: missing or damaged.
 * Each is logged (ERROR, logger {@code ru.msed.content.problems}) and kept for technical support
 * ({@code GET /api/admin/files/problems}) until a check finds the file whole again.
 */
@Service
public class ContentProblems {

    private static final Logger log = LoggerFactory.getLogger("ru.msed.content.problems");

    public enum Kind {
        /** No object under the key. */
        MISSING,
        /** The object's bytes do not hash to the key (or have another size than recorded). */
        CORRUPT
    }

    public record Problem(long id, String key, Kind kind, String detail, Instant firstSeenAt, Instant lastSeenAt,
            int occurrences, Instant resolvedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ContentProblems(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records (or counts again) an open problem; never throws, so it can run while a request fails. */
    public void record(String key, Kind kind, String detail) {
        // The detail names files (possibly people's names): it goes to the table for support, not to the log.
        log.error("File {} in the store: key {} (GET /api/admin/files/problems)", kind == Kind.MISSING ? "missing" : "damaged", key);
        try {
            Timestamp now = Timestamp.from(Instant.now(clock));
            jdbc.update("""
                    INSERT INTO content_problem (content_key, kind, detail, first_seen_at, last_seen_at, occurrences)
                    VALUES (?, ?, ?, ?, ?, 1)
                    ON CONFLICT (content_key, kind) WHERE resolved_at IS NULL
                    DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at, occurrences = content_problem.occurrences + 1""",
                    key, kind.name(), limit(detail), now, now);
        } catch (RuntimeException e) {
            log.error("Could not record the problem of {}: {}", key, e.toString());
        }
    }

    /** The open problem of a key, if there is one: a download of it is refused before any byte. */
    public java.util.Optional<Kind> open(String key) {
        return jdbc.query("SELECT kind FROM content_problem WHERE content_key = ? AND resolved_at IS NULL ORDER BY id LIMIT 1",
                rs -> rs.next() ? java.util.Optional.of(Kind.valueOf(rs.getString(1))) : java.util.Optional.empty(), key);
    }

    public List<Problem> list(boolean includeResolved) {
        return jdbc.query("SELECT id, content_key, kind, detail, first_seen_at, last_seen_at, occurrences, resolved_at"
                + " FROM content_problem" + (includeResolved ? "" : " WHERE resolved_at IS NULL") + " ORDER BY id DESC LIMIT 1000",
                (rs, i) -> new Problem(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getInt(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()));
    }

    public java.util.Optional<Problem> find(long id) {
        return jdbc.query("SELECT id, content_key, kind, detail, first_seen_at, last_seen_at, occurrences, resolved_at"
                + " FROM content_problem WHERE id = ?", (rs, i) -> new Problem(rs.getLong(1), rs.getString(2),
                Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                rs.getInt(7), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()), id).stream().findFirst();
    }

    void resolve(String key) {
        int resolved = jdbc.update("UPDATE content_problem SET resolved_at = ? WHERE content_key = ? AND resolved_at IS NULL",
                Timestamp.from(Instant.now(clock)), key);
        if (resolved > 0) {
            log.info("File with key {} is whole again in the store", key);
        }
    }

    List<String> openKeys() {
        return jdbc.queryForList("SELECT DISTINCT content_key FROM content_problem WHERE resolved_at IS NULL", String.class);
    }

    private static String limit(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
