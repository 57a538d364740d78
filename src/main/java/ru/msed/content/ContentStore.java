package ru.msed.content;

import java.io.InputStream;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where file contents live, outside the database: immutable objects named by the SHA-256 of their
 * bytes, so the same content is stored once and a key never changes meaning. The database keeps a
 * file's metadata and its key; two implementations: {@link FileSystemContentStore} (default) and
 * {@link S3ContentStore} (production).
 */
public interface ContentStore {

    /**
     * Reads {@code content} to its end, hashing on the way, and stores it under its SHA-256 unless
     * that content is there already. Nothing appears under the key until every byte is durable.
     *
     * @throws ContentTooLargeException after {@code maxBytes} bytes (nothing is stored)
     */
    StoredContent put(InputStream content, long maxBytes);

    /** {@code length} bytes from {@code offset}; the caller closes the stream. */
    InputStream open(String key, long offset, long length);

    /** The size of the stored object, or -1 if there is none. */
    long size(String key);

    void delete(String key);

    /** Every stored key in ascending order (the caller closes the stream). */
    Stream<StoredObject> list();

    /** Removes temporary leftovers of uploads interrupted before they were stored (a crash, a dropped connection). */
    int removeTemporaryOlderThan(Instant limit);

    /** For logs and the README's «where are my files»: the directory or the bucket. */
    String describe();

    /** The result of {@link #put}: {@code created} is false when the same content was stored already. */
    record StoredContent(String key, long size, boolean created) {
    }

    record StoredObject(String key, long size, Instant lastModified) {
    }
}
