package ru.msed.content;

/** The store could not do what was asked (disk, network, object store); details in the log, never to a user as they are. */
public class ContentStoreException extends RuntimeException {

    public ContentStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public ContentStoreException(String message) {
        super(message);
    }
}
