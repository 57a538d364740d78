package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.DocumentKind;
import ru.msed.document.DocumentService;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;
import ru.msed.web.UserInputException;

/** A written or oral appeal the registrar starts: the card first (its id is the business key), then the applicant. */
@Component("createAppealCard")
class CreateAppealCard implements JavaDelegate {

    private final Appeals appeals;
    private final DocumentService documents;

    CreateAppealCard(Appeals appeals, DocumentService documents) {
        this.appeals = appeals;
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String registrar = Actor.of(execution, (String) execution.getVariable(INITIATOR));
        execution.setVariable(INITIATOR, registrar);
        ProcessValues form = new ProcessValues(execution);
        var received = form.date(RECEIVED_DATE, "Дата поступления");
        if (!form.problems().isEmpty()) {
            throw new UserInputException(form.problems());
        }
        Appeal appeal = appeals.startAtOffice(registrar, AppealForm.applicant(form), received);
        documents.linkProcess(appeal.getDocumentId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(appeal.getDocumentId().toString());
        execution.setVariable(DOCUMENT_ID, appeal.getDocumentId());
        execution.setVariable(DOCUMENT_KIND, DocumentKind.APPEAL.name());
        execution.setVariable(CHANNEL, appeal.getChannel().name());
        execution.setVariable(RECEIVED_AT, Date.from(appeal.getReceivedAt()));
        execution.setVariable(ASSIGNED_REGISTRAR, registrar);
    }
}
