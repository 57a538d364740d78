package ru.msed.outgoing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.DocumentService;

/** Registers the signed document in the outgoing journal on the day of signing. */
@Component("registerOutgoing")
class RegisterOutgoing implements JavaDelegate {

    private final DocumentService documents;

    RegisterOutgoing(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(OutgoingDocumentVariables.REGISTRATION_NUMBER,
                documents.registerSigned(OutgoingDocumentVariables.documentId(execution), "system").getRegistrationNumber());
    }
}
