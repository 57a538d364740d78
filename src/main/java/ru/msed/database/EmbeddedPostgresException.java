package ru.msed.database;

/** The embedded PostgreSQL cannot start; the message says why in one line, the action what to do. */
public class EmbeddedPostgresException extends IllegalStateException {

    private final String action;

    public EmbeddedPostgresException(String message, String action) {
        super(message);
        this.action = action;
    }

    public EmbeddedPostgresException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
