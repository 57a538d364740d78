package ru.msed.content;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the store and the database consistent, one pass over both in key order (a merge of the
 * store's listing with the referenced keys, constant memory):
 * <ul>
 * <li>a stored key that no row names is <em>marked</em> ({@code content_orphan}, first seen now);
 * it is deleted only when it is still unreferenced a whole grace period after it was first seen by
 * <em>this</em> database — an upload whose transaction rolled back, or files newer than a restored
 * database, which a later restore of a newer database may still want within that period;</li>
 * <li>a key a row names that the store lacks is a problem for support ({@link ContentProblems});</li>
 * <li>temporary files of interrupted uploads older than the grace period are removed.</li>
 * </ul>
 * One node sweeps at a time (a session advisory lock); deletion takes the key's exclusive lock and
 * looks for rows again, so an upload of the same content at that moment keeps its file.
 */
@Service
public class ContentSweep {

    private static final Logger log = LoggerFactory.getLogger(ContentSweep.class);
    private static final int PAGE = 1000;
    private static final int SWEEP_LOCK = 0x53574550;

    private final ContentStore store;
    private final ContentReferences references;
    private final ContentProblems problems;
    private final ContentLocks locks;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ContentProperties properties;
    private final Clock clock;

    ContentSweep(ContentStore store, ContentReferences references, ContentProblems problems, ContentLocks locks,
            JdbcTemplate jdbc, TransactionTemplate transactions, ContentProperties properties, Clock clock) {
        this.store = store;
        this.references = references;
        this.problems = problems;
        this.locks = locks;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param skipped true when another node was sweeping */
    public record Result(boolean skipped, long stored, long referenced, long orphansSeen, long deleted, long missing,
            int temporaryRemoved, Duration took) {
    }

    public Result sweep() {
        return sweep(properties.sweep().grace());
    }

    public Result sweep(Duration grace) {
        return jdbc.execute((ConnectionCallback<Result>) connection -> {
            try (var lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, 0)")) {
                lock.setInt(1, SWEEP_LOCK);
                try (var rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return new Result(true, 0, 0, 0, 0, 0, 0, Duration.ZERO);
                    }
                }
            }
            try {
                return sweepLocked(grace);
            } finally {
                try (var unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, 0)")) {
                    unlock.setInt(1, SWEEP_LOCK);
                    unlock.execute();
                }
            }
        });
    }

    private Result sweepLocked(Duration grace) {
        long started = System.nanoTime();
        Instant now = Instant.now(clock);
        Instant limit = now.minus(grace);
        long stored = 0;
        long referencedCount = 0;
        long missing = 0;
        Set<String> orphans = new HashSet<>();
        List<String> dbOnly = new ArrayList<>();
        try (Stream<ContentStore.StoredObject> listing = store.list()) {
            Iterator<ContentStore.StoredObject> objects = listing.iterator();
            Iterator<String> keys = referencedKeys();
            ContentStore.StoredObject object = objects.hasNext() ? objects.next() : null;
            String key = keys.hasNext() ? keys.next() : null;
            while (object != null || key != null) {
                int order = object == null ? 1 : key == null ? -1 : object.key().compareTo(key);
                if (order < 0) {
                    orphans.add(object.key());
                    stored++;
                    object = objects.hasNext() ? objects.next() : null;
                } else if (order > 0) {
                    dbOnly.add(key);
                    referencedCount++;
                    key = keys.hasNext() ? keys.next() : null;
                } else {
                    stored++;
                    referencedCount++;
                    object = objects.hasNext() ? objects.next() : null;
                    key = keys.hasNext() ? keys.next() : null;
                }
                if (dbOnly.size() >= PAGE) {
                    missing += reportMissing(dbOnly);
                }
            }
        }
        missing += reportMissing(dbOnly);
        markOrphans(orphans, now);
        long deleted = deleteExpiredOrphans(limit);
        recheckProblems();
        int temporary = store.removeTemporaryOlderThan(limit);
        Result result = new Result(false, stored, referencedCount, orphans.size(), deleted, missing, temporary,
                Duration.ofNanos(System.nanoTime() - started));
        log.info("File store sweep: {} stored, {} referenced, {} without a row (deleted {} past the grace period of {}), "
                + "{} missing, {} temporary files removed, in {} s", stored, referencedCount, orphans.size(), deleted, grace,
                missing, temporary, result.took().toSeconds());
        return result;
    }

    /** The referenced keys in ascending order, page by page. */
    private Iterator<String> referencedKeys() {
        return new Iterator<>() {
            private List<String> page = references.keysAfter("", PAGE);
            private int index;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (page.size() < PAGE) {
                    return false;
                }
                page = references.keysAfter(page.get(page.size() - 1), PAGE);
                index = 0;
                return !page.isEmpty();
            }

            @Override
            public String next() {
                return page.get(index++);
            }
        };
    }

    /** A key the listing did not have may have been stored a moment later: looked up once more. */
    private int reportMissing(List<String> keys) {
        int missing = 0;
        for (String key : keys) {
            if (store.size(key) < 0) {
                problems.record(key, ContentProblems.Kind.MISSING, references.describe(key));
                missing++;
            }
        }
        keys.clear();
        return missing;
    }

    private void markOrphans(Set<String> orphans, Instant now) {
        // Marks of keys that are referenced again (or gone) are dropped; new ones start their grace period now.
        List<String> marked = jdbc.queryForList("SELECT content_key FROM content_orphan", String.class);
        List<Object[]> stale = marked.stream().filter(k -> !orphans.contains(k)).map(k -> new Object[] {k}).toList();
        jdbc.batchUpdate("DELETE FROM content_orphan WHERE content_key = ?", stale);
        List<Object[]> fresh = orphans.stream().map(k -> new Object[] {k, Timestamp.from(now)}).toList();
        jdbc.batchUpdate("INSERT INTO content_orphan (content_key, first_seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING", fresh);
    }

    private long deleteExpiredOrphans(Instant limit) {
        List<String> expired = jdbc.queryForList("SELECT content_key FROM content_orphan WHERE first_seen_at < ? ORDER BY content_key",
                String.class, Timestamp.from(limit));
        long deleted = 0;
        for (String key : expired) {
            Boolean gone = transactions.execute(status -> {
                if (!locks.tryExclusive(key)) {
                    // An upload of this very content is committing: it is no orphan.
                    return false;
                }
                jdbc.update("DELETE FROM content_orphan WHERE content_key = ?", key);
                if (!references.referenced(List.of(key)).isEmpty()) {
                    return false;
                }
                store.delete(key);
                return true;
            });
            if (Boolean.TRUE.equals(gone)) {
                deleted++;
                log.info("Deleted the stored file {}: no row has named it for the grace period", key);
            }
        }
        return deleted;
    }

    private void recheckProblems() {
        for (String key : problems.openKeys()) {
            check(key);
        }
    }

    /** Reads the whole stored object and resolves its open problems if it is there and whole; records one otherwise. */
    public boolean check(String key) {
        long size = store.size(key);
        if (size < 0) {
            problems.record(key, ContentProblems.Kind.MISSING, references.describe(key));
            return false;
        }
        try (InputStream in = store.open(key, 0, size)) {
            var digest = ContentKeys.sha256();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
            if (!ContentKeys.hex(digest).equals(key)) {
                problems.record(key, ContentProblems.Kind.CORRUPT, references.describe(key));
                return false;
            }
        } catch (IOException | ContentStoreException e) {
            log.warn("Could not check the stored file {}: {}", key, e.toString());
            return false;
        }
        problems.resolve(key);
        return true;
    }
}
