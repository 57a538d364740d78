package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.DocumentKind;
import ru.msed.document.DocumentService;

/**
 * An appeal from the public form or forwarded by another body: its card exists already (the business key
 * the application started the instance with); the registration form is filled in from it.
 */
@Component("acceptOnlineAppeal")
class AcceptOnlineAppeal implements JavaDelegate {

    private final Appeals appeals;
    private final DocumentService documents;
    private final Clock clock;

    AcceptOnlineAppeal(Appeals appeals, DocumentService documents, Clock clock) {
        this.appeals = appeals;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Appeal appeal = appeals.appeal(documentId(execution));
        documents.linkProcess(appeal.getDocumentId(), execution.getProcessInstanceId());
        execution.setVariable(DOCUMENT_KIND, DocumentKind.APPEAL.name());
        execution.setVariable(CHANNEL, appeal.getChannel().name());
        execution.setVariable(RECEIVED_AT, Date.from(appeal.getReceivedAt()));
        execution.setVariable(ASSIGNED_REGISTRAR, null);
        execution.setVariable(APPEAL_TEXT, appeal.getAppealText());
        execution.setVariable(APPLICANT_NAME, appeal.getApplicantName());
        execution.setVariable(POSTAL_ADDRESS, appeal.getPostalAddress());
        execution.setVariable(EMAIL, appeal.getEmail());
        execution.setVariable(PHONE, appeal.getPhone());
        execution.setVariable(RECEIVED_DATE, appeal.getReceivedAt().atZone(clock.getZone()).toLocalDate().toString());
        execution.setVariable(RECEIPT_FORM, ReceiptForm.ELECTRONIC.name());
    }
}
