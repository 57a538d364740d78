package ru.msed.content;

/** The content went past the size limit while it was read; nothing was stored. */
public class ContentTooLargeException extends ContentStoreException {

    private final long maxBytes;

    public ContentTooLargeException(long maxBytes) {
        super("Content larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
