package ru.msed.outgoing;

import static ru.msed.outgoing.OutgoingDocumentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.approval.ApprovalService;
import ru.msed.approval.VisaDecision;
import ru.msed.engine.ProcessValues;

/** Records one approver's visa; a rejection ends the route (the multi-instances' completion conditions read it). */
@Component("recordVisa")
class RecordVisa implements JavaDelegate {

    private final ApprovalService approval;

    RecordVisa(ApprovalService approval) {
        this.approval = approval;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessValues form = new ProcessValues(execution);
        String approver = (String) execution.getVariable(APPROVER);
        boolean rejects = approval.visa(documentId(execution), (Integer) execution.getVariable(ROUND),
                approver, VisaDecision.ofForm(form.text(VISA_DECISION)).orElse(null), form.text(VISA_COMMENT));
        if (rejects) {
            execution.getProcessInstance().setVariable(ROUTE_REJECTED, true);
            execution.getProcessInstance().setVariable(REJECTION, approver + ": " + form.text(VISA_COMMENT));
        }
    }
}
