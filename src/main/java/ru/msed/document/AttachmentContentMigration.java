package ru.msed.document;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.msed.content.ContentLocks;
import ru.msed.content.ContentProblems;
import ru.msed.content.ContentStore;

/**
 * Moves files still in the database's old BYTEA column into the content store, one row at a time:
 * the bytes are stored, their SHA-256 compared with the one recorded on upload, and only then the
 * row gets its key and loses its bytes, in one short transaction. Stopped anywhere, a new run goes
 * on with the rows left; a finished run leaves nothing for the next one. A row whose bytes do not
 * match its checksum keeps them and is listed for support.
 */
@Service
public class AttachmentContentMigration {

    private static final Logger log = LoggerFactory.getLogger(AttachmentContentMigration.class);
    private static final int PAGE = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ContentStore store;
    private final ContentLocks locks;
    private final ContentProblems problems;

    AttachmentContentMigration(JdbcTemplate jdbc, TransactionTemplate transactions, ContentStore store, ContentLocks locks,
            ContentProblems problems) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.store = store;
        this.locks = locks;
        this.problems = problems;
    }

    public record Progress(long moved, long failed, long bytes, Duration elapsed) {
    }

    /** {@code remaining} counts the rows still in the database when the run began. */
    public record Result(long remaining, long moved, long failed, long bytes, Duration took) {

        public double filesPerSecond() {
            return took.toMillis() == 0 ? moved : moved * 1000.0 / took.toMillis();
        }

        public double megabytesPerSecond() {
            return took.toMillis() == 0 ? 0 : bytes / 1048576.0 * 1000.0 / took.toMillis();
        }
    }

    record Row(long id, String sha256, long size, String description) {
    }

    public Result run(Consumer<Progress> progress) {
        long started = System.nanoTime();
        if (!hasContentColumn()) {
            return new Result(0, 0, 0, 0, Duration.ZERO);
        }
        long remaining = jdbc.queryForObject("SELECT count(*) FROM attachment WHERE content_key IS NULL", Long.class);
        long moved = 0;
        long failed = 0;
        long bytes = 0;
        long lastId = 0;
        while (true) {
            List<Row> page = jdbc.query("""
                    SELECT id, sha256, size_bytes,
                           'документ ' || document_id || ', файл «' || file_name || '», версия ' || version || ' (вложение ' || id || ')'
                    FROM attachment WHERE content_key IS NULL AND id > ? ORDER BY id LIMIT ?""",
                    (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)), lastId, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (Row row : page) {
                lastId = row.id();
                if (move(row)) {
                    moved++;
                    bytes += row.size();
                } else {
                    failed++;
                }
            }
            progress.accept(new Progress(moved, failed, bytes, Duration.ofNanos(System.nanoTime() - started)));
        }
        Result result = new Result(remaining, moved, failed, bytes, Duration.ofNanos(System.nanoTime() - started));
        log.info("Moved {} files ({} MB) from the database into the {}; {} refused (checksum)", moved, bytes / 1048576,
                store.describe(), failed);
        return result;
    }

    private boolean move(Row row) {
        // One row's bytes (at most the old 20 MB limit) as the driver gives them.
        ContentStore.StoredContent stored = jdbc.query("SELECT content FROM attachment WHERE id = ?", rs -> {
            if (!rs.next()) {
                return null;
            }
            try (InputStream in = rs.getBinaryStream(1)) {
                return in == null ? null : store.put(in, Long.MAX_VALUE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, row.id());
        if (stored == null) {
            return false;
        }
        if (!stored.key().equals(row.sha256()) || stored.size() != row.size()) {
            // What was stored is under its own hash and no row names it: the sweep takes it away.
            problems.record(row.sha256(), ContentProblems.Kind.CORRUPT, row.description()
                    + ": в базе данных содержимое с SHA-256 " + stored.key() + ", размер " + stored.size()
                    + "; файл оставлен в базе данных, не перенесён");
            return false;
        }
        return Boolean.TRUE.equals(transactions.execute(status -> {
            locks.shared(stored.key());
            if (store.size(stored.key()) != stored.size()) {
                return false;
            }
            return jdbc.update("UPDATE attachment SET content_key = ?, content = NULL WHERE id = ? AND content_key IS NULL",
                    stored.key(), row.id()) == 1;
        }));
    }

    private boolean hasContentColumn() {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM information_schema.columns
                               WHERE table_schema = current_schema() AND table_name = 'attachment' AND column_name = 'content')""",
                Boolean.class));
    }
}
