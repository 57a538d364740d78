package ru.msed.document;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads a card's history; every feature that changes a document records here. */
@Service
public class DocumentHistory {

    private final DocumentEventRepository events;
    private final Clock clock;

    DocumentHistory(DocumentEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Recorded in the caller's transaction: if the action rolls back, so does its history line. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long documentId, String actor, DocumentAction action, String details) {
        events.save(new DocumentEvent(documentId, Instant.now(clock), actor, action.name(), details));
    }

    @Transactional(readOnly = true)
    public List<DocumentEvent> of(long documentId) {
        return events.findByDocumentIdOrderById(documentId);
    }
}
