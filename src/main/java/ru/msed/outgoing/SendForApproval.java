package ru.msed.outgoing;

import static ru.msed.outgoing.OutgoingDocumentVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.approval.ApprovalService;
import ru.msed.document.DocumentService;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;

/** Saves the draft's card, parses the route and starts a new round of approval. */
@Component("sendForApproval")
class SendForApproval implements JavaDelegate {

    private final DocumentService documents;
    private final ApprovalService approval;

    SendForApproval(DocumentService documents, ApprovalService approval) {
        this.documents = documents;
        this.approval = approval;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long documentId = OutgoingDocumentVariables.documentId(execution);
        ProcessValues form = new ProcessValues(execution);
        String actor = Actor.of(execution, (String) execution.getVariable(INITIATOR));
        documents.saveOutgoingDraft(documentId, form.text(SUMMARY), form.text(ADDRESSEES), form.text(SIGNATORY_USER), actor);
        List<List<String>> stages = approval.route(documentId, form.text(APPROVAL_ROUTE));
        int round = execution.hasVariable(ROUND) ? (Integer) execution.getVariable(ROUND) + 1 : 1;
        approval.sendForApproval(documentId, round, stages, actor);
        ArrayList<ArrayList<String>> collection = new ArrayList<>();
        stages.forEach(stage -> collection.add(new ArrayList<>(stage)));
        execution.setVariable(APPROVAL_STAGES, collection);
        execution.setVariable(ROUND, round);
        execution.setVariable(ROUTE_REJECTED, false);
        execution.removeVariable(REJECTION);
    }
}
