package ru.msed.content;

import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Pseudo-random bytes of a given size made on the fly: a "150 MB scan" that never exists whole anywhere.
 * Bytes 8k to 8k+7 are the k-th number of {@code new SplittableRandom(seed).nextLong()}, computed from k
 * directly (SplitMix64), so a part far into the content is made without the bytes before it.
 */
public final class GeneratedContent extends InputStream {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final long size;
    private final long seed;
    private final Runnable atHalf;
    private long position;
    private boolean halfReported;

    public GeneratedContent(long size, long seed, Runnable atHalf) {
        this.size = size;
        this.seed = seed;
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
        long word = word(position >>> 3);
        for (int i = 0; i < n; i++) {
            long at = position + i;
            if ((at & 7) == 0) {
                word = word(at >>> 3);
            }
            b[off + i] = (byte) (word >>> ((at & 7) << 3));
        }
        moveTo(position + n);
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, size - position));
        moveTo(position + skipped);
        return skipped;
    }

    private void moveTo(long next) {
        position = next;
        if (!halfReported && position >= size / 2) {
            halfReported = true;
            atHalf.run();
        }
    }

    /** The k-th {@code nextLong()} of {@code new SplittableRandom(seed)}. */
    private long word(long k) {
        long z = seed + (k + 1) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
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
