package ru.msed.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;

/**
 * A message to a person outside the system (an applicant, a citizen), queued in the outbox in the
 * transaction of the step that decided to send it; never carries a password. The outbox worker
 * delivers it at least once; its key travels in the message so a repeated delivery is recognisable.
 */
@Entity
public class Notification {

    public enum Status {
        QUEUED, SENT, UNDELIVERABLE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String idempotencyKey;
    private String recipient;
    private String subject;
    private String body;
    private Instant createdAt;
    private Instant sentAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;

    protected Notification() {
    }

    Notification(String idempotencyKey, String recipient, String subject, String body, Instant createdAt) {
        this.idempotencyKey = idempotencyKey;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
        this.status = Status.QUEUED;
        this.nextAttemptAt = createdAt;
    }

    void sent(Instant at) {
        status = Status.SENT;
        sentAt = at;
        attempts++;
        lastError = null;
    }

    /** A failed attempt: retried after the given delay, or given up after the last one (support sees it). */
    void failed(String error, Instant at, Duration retryAfter, boolean lastAttempt) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        if (lastAttempt) {
            status = Status.UNDELIVERABLE;
        } else {
            nextAttemptAt = at.plus(retryAfter);
        }
    }

    void retry(Instant at) {
        status = Status.QUEUED;
        nextAttemptAt = at;
        attempts = 0;
    }

    public Long getId() {
        return id;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }
}
