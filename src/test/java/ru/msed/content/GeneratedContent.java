package ru.msed.content;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.SplittableRandom;

/** Pseudo-random bytes of a given size made on the fly: a "150 MB scan" that never exists whole anywhere. */
public final class GeneratedContent extends InputStream {

    private final long size;
    private final SplittableRandom random;
    private final Runnable atHalf;
    private long position;
    private boolean halfReported;

    public GeneratedContent(long size, long seed, Runnable atHalf) {
        this.size = size;
        this.random = new SplittableRandom(seed);
        this.atHalf = atHalf;
    }

    public GeneratedContent(long size, long seed) {
        this(size, seed, () -> { });
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - position);
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) random.nextInt(256);
        }
        position += n;
        if (!halfReported && position >= size / 2) {
            halfReported = true;
            atHalf.run();
        }
        return n;
    }

    /** The SHA-256 the same size and seed give. */
    public static String sha256(long size, long seed) {
        MessageDigest digest = ContentKeys.sha256();
        byte[] buffer = new byte[64 * 1024];
        try (GeneratedContent in = new GeneratedContent(size, seed)) {
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return ContentKeys.hex(digest);
    }

    @Override
    public void close() {
    }
}
