package ru.msed.document;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.audit.AuditEvent;
import ru.msed.audit.AuditTrail;

/**
 * A card's history — who did what, when — is the audit trail's lines about that document. Every
 * feature that changes a document records here.
 */
@Service
public class DocumentHistory {

    static final String OBJECT_TYPE = "DOCUMENT";

    private final DocumentRepository documents;
    private final AuditTrail audit;

    DocumentHistory(DocumentRepository documents, AuditTrail audit) {
        this.documents = documents;
        this.audit = audit;
    }

    /** Recorded in the caller's transaction: if the action rolls back, so does its history line. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long documentId, String actor, DocumentAction action, String details) {
        Long organizationId = documents.findById(documentId).map(Document::getOrganizationId).orElse(null);
        audit.record(organizationId, actor, action.name(), OBJECT_TYPE, Long.toString(documentId), details);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> of(long documentId) {
        return audit.ofObject(OBJECT_TYPE, Long.toString(documentId));
    }
}
