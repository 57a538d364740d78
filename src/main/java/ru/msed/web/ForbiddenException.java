package ru.msed.web;

/** The user is known but their role does not allow the action; the message is Russian. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
