package ru.msed.incoming;

import static ru.msed.incoming.IncomingDocumentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.DocumentService;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;

/** The registrar refuses to register an arrived document; the reason is required (it goes back to the sender). */
@Component("refuseRegistration")
class RefuseRegistration implements JavaDelegate {

    private final DocumentService documents;

    RefuseRegistration(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        documents.refuseRegistration(documentId(execution), new ProcessValues(execution).text(REFUSAL_REASON),
                Actor.of(execution, null));
    }
}
