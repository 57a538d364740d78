package ru.msed.incoming;

import static ru.msed.incoming.IncomingDocumentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.DocumentService;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;

/** Puts the execution mark and «в дело №» on the card and closes it. */
@Component("closeDocument")
class CloseDocument implements JavaDelegate {

    private final DocumentService documents;

    CloseDocument(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessValues form = new ProcessValues(execution);
        documents.close(documentId(execution), form.text(EXECUTION_MARK), form.text(FILE_REFERENCE),
                Actor.of(execution, null));
    }
}
