package ru.msed.content;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * A whole stored file read while its SHA-256 is checked. The check happens when the last expected
 * byte arrives, before those bytes are handed on: a reader of a damaged file gets an error instead
 * of its last bytes, so an HTTP download with a Content-Length ends incomplete, never as a
 * «successful» damaged file.
 */
public final class VerifyingInputStream extends FilterInputStream {

    /** Told once when the content does not match; returns the exception to throw. */
    public interface OnMismatch {
        IOException mismatch(String expected, String actual, long bytesRead);
    }

    private final String expected;
    private final long size;
    private final OnMismatch onMismatch;
    private final MessageDigest digest = ContentKeys.sha256();
    private long count;
    private boolean verified;

    public VerifyingInputStream(InputStream in, String expectedSha256, long expectedSize, OnMismatch onMismatch) {
        super(in);
        this.expected = expectedSha256;
        this.size = expectedSize;
        this.onMismatch = onMismatch;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            if (!verified) {
                String actual = count == size ? ContentKeys.hex(digest) : "(" + count + " bytes, shorter than recorded)";
                if (!actual.equals(expected)) {
                    throw onMismatch.mismatch(expected, actual, count);
                }
                verified = true;
            }
            return n;
        }
        digest.update(b, off, n);
        count += n;
        if (count > size) {
            throw onMismatch.mismatch(expected, "(more than " + size + " bytes)", count);
        }
        if (count == size) {
            String actual = ContentKeys.hex(digest);
            if (!actual.equals(expected)) {
                throw onMismatch.mismatch(expected, actual, count);
            }
            verified = true;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Every byte must pass the digest.
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
