package ru.msed.document;

/** The content store did not answer or refused the write; the message is Russian and safe to show. */
public class FileStoreUnavailableException extends RuntimeException {

    public FileStoreUnavailableException(String message) {
        super(message);
    }
}
