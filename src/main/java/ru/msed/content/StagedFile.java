package ru.msed.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/** An upload copied into a temporary file, hashed on the way: the key is known only once the last byte is in. */
record StagedFile(Path path, String key, long size) {

    private static final int BUFFER = 64 * 1024;

    /** Copies {@code content} into {@code temp} (created here), fsynced; deletes it if anything goes wrong. */
    static StagedFile write(InputStream content, Path temp, long maxBytes) {
        MessageDigest digest = ContentKeys.sha256();
        long size = 0;
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = content.read(buffer)) >= 0) {
                size += n;
                if (size > maxBytes) {
                    throw new ContentTooLargeException(maxBytes);
                }
                digest.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            // Durable before it gets a real name: a crash after the rename never shows a short file.
            out.force(true);
            return new StagedFile(temp, ContentKeys.hex(digest), size);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new ContentStoreException("Could not write the upload to " + temp, e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    void delete() {
        deleteQuietly(path);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left for removeTemporaryOlderThan.
        }
    }
}
