package ru.msed.content;

import java.io.IOException;

/** A stored file read whole did not hash to what was recorded on upload (or had another length). */
public class ContentMismatchException extends IOException {

    public ContentMismatchException(String message) {
        super(message);
    }
}
