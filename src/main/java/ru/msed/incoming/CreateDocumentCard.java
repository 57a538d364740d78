package ru.msed.incoming;

import static ru.msed.incoming.IncomingDocumentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.Document;
import ru.msed.document.DocumentKind;
import ru.msed.document.DocumentService;
import ru.msed.engine.Actor;

/** Creates the empty card first, so its id is the business key and files can be attached at once. */
@Component("createDocumentCard")
class CreateDocumentCard implements JavaDelegate {

    private final DocumentService documents;

    CreateDocumentCard(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The authenticated user, whatever a client sent; a system start (import, exchange) names one.
        String initiator = Actor.of(execution, (String) execution.getVariable(INITIATOR));
        execution.setVariable(INITIATOR, initiator);
        Document document = documents.createDraft(DocumentKind.INCOMING, initiator);
        documents.linkProcess(document.getId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(document.getId().toString());
        execution.setVariable(DOCUMENT_ID, document.getId());
        execution.setVariable(DOCUMENT_KIND, document.getKind().name());
    }
}
