package ru.msed.web;

/** Something the caller named does not exist (or is not theirs to see); the message is Russian. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
