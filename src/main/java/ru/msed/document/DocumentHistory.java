package ru.msed.document;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import ru.msed.audit.AuditTrail;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads a card's history; every feature that changes a document records here. */
@Service
public class DocumentHistory {

    private final DocumentEventRepository events;
    private final DocumentRepository documents;
    private final AuditTrail audit;
    private final Clock clock;

    DocumentHistory(DocumentEventRepository events, DocumentRepository documents, AuditTrail audit, Clock clock) {
        this.events = events;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** Recorded in the caller's transaction: if the action rolls back, so does its history line. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long documentId, String actor, DocumentAction action, String details) {
        events.save(new DocumentEvent(documentId, Instant.now(clock), actor, action.name(), details));
        Long organizationId = documents.findById(documentId).map(Document::getOrganizationId).orElse(null);
        audit.record(organizationId, actor, action.name(), "DOCUMENT", Long.toString(documentId), details);
    }

    @Transactional(readOnly = true)
    public List<DocumentEvent> of(long documentId) {
        return events.findByDocumentIdOrderById(documentId);
    }
}
