package ru.msed.outgoing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentService;
import ru.msed.document.DocumentStatus;

/** Sends the registered document to its addressees (recorded in the card's history). */
@Component("dispatchDocument")
class DispatchDocument implements JavaDelegate {

    private final DocumentService documents;

    DispatchDocument(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long documentId = OutgoingDocumentVariables.documentId(execution);
        documents.moveTo(documentId, DocumentStatus.SENT, "system", DocumentAction.DISPATCHED,
                "Адресатам: " + documents.document(documentId).getAddressees());
    }
}
