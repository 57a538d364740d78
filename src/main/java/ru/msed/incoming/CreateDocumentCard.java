package ru.msed.incoming;

import static ru.msed.incoming.IncomingDocumentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.Document;
import ru.msed.document.DocumentKind;
import ru.msed.document.DocumentService;

/** Creates the empty card first, so its id is the business key and files can be attached at once. */
@Component("createDocumentCard")
class CreateDocumentCard implements JavaDelegate {

    private final DocumentService documents;

    CreateDocumentCard(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Document document = documents.createDraft(DocumentKind.INCOMING, (String) execution.getVariable(INITIATOR));
        documents.linkProcess(document.getId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(document.getId().toString());
        execution.setVariable(DOCUMENT_ID, document.getId());
        execution.setVariable(DOCUMENT_KIND, document.getKind().name());
    }
}
