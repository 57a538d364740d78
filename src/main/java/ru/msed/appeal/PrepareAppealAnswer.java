package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.Document;
import ru.msed.document.DocumentService;

/**
 * Before the answer is drafted: the responsible executor of the resolution drafts it (and the reports
 * count it as theirs); the draft's summary and addressee come from the appeal.
 */
@Component("prepareAppealAnswer")
class PrepareAppealAnswer implements JavaDelegate {

    private final Appeals appeals;
    private final DocumentService documents;

    PrepareAppealAnswer(Appeals appeals, DocumentService documents) {
        this.appeals = appeals;
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long documentId = documentId(execution);
        appeals.responsibleExecutor(documentId, (String) execution.getVariable(RESPONSIBLE_EXECUTOR));
        Appeal appeal = appeals.appeal(documentId);
        Document card = documents.document(documentId);
        execution.setVariable(ANSWER_SUMMARY, "Ответ на обращение № " + card.getRegistrationNumber() + " от "
                + Appeals.DATE.format(card.getRegistrationDate()));
        String address = appeal.getPostalAddress() != null ? appeal.getPostalAddress() : appeal.getEmail();
        execution.setVariable(ANSWER_ADDRESSEES, appeal.getApplicantName() + ", " + address);
    }
}
