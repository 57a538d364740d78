package ru.msed.content;

/** A key the database names has no object in the store: a restore that lost files, or a store someone changed by hand. */
public class ContentMissingException extends ContentStoreException {

    private final String key;

    public ContentMissingException(String key) {
        super("No stored object for key " + key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
