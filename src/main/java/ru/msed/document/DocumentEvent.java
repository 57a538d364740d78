package ru.msed.document;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One line of a card's history: who did what, when. Append-only (a database trigger enforces it). */
@Entity
public class DocumentEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long documentId;
    private Instant occurredAt;
    private String actor;
    private String action;
    private String details;

    protected DocumentEvent() {
    }

    DocumentEvent(Long documentId, Instant occurredAt, String actor, String action, String details) {
        this.documentId = documentId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.details = details;
    }

    public Long getId() {
        return id;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getDetails() {
        return details;
    }
}
