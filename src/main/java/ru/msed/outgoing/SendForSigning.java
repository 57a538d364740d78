package ru.msed.outgoing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentService;
import ru.msed.document.DocumentStatus;

/** The route is through: the draft goes to the signatory. */
@Component("sendForSigning")
class SendForSigning implements JavaDelegate {

    private final DocumentService documents;

    SendForSigning(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        documents.moveTo(OutgoingDocumentVariables.documentId(execution), DocumentStatus.ON_SIGNATURE, "system",
                DocumentAction.VISA_GIVEN, "Согласование завершено, документ направлен на подпись");
    }
}
