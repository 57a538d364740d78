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
import ru.msed.document.Document;
import ru.msed.document.DocumentKind;
import ru.msed.document.DocumentLinks;
import ru.msed.exchange.ExchangeService;
import ru.msed.organization.Organization;
import ru.msed.web.UserInputException;

/**
 * Saves the draft's card — addressees from the directory of connected organizations (checked) and
 * others as text, and the incoming document it answers — parses the route and starts a new round.
 */
@Component("sendForApproval")
class SendForApproval implements JavaDelegate {

    /** Names of directory addressees on the card, before «и ещё N» (a circular letter has hundreds). */
    private static final int NAMED_ADDRESSEES = 20;

    private final DocumentService documents;
    private final ApprovalService approval;
    private final ExchangeService exchange;
    private final DocumentLinks links;

    SendForApproval(DocumentService documents, ApprovalService approval, ExchangeService exchange, DocumentLinks links) {
        this.documents = documents;
        this.approval = approval;
        this.exchange = exchange;
        this.links = links;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long documentId = OutgoingDocumentVariables.documentId(execution);
        ProcessValues form = new ProcessValues(execution);
        String actor = Actor.of(execution, (String) execution.getVariable(INITIATOR));
        long organizationId = documents.document(documentId).getOrganizationId();
        List<Organization> recipients = exchange.recipients(organizationId, form.list(RECIPIENT_ORGANIZATIONS));
        documents.saveOutgoingDraft(documentId, form.text(SUMMARY), addressees(recipients, form.text(ADDRESSEES)),
                form.text(SIGNATORY_USER), actor);
        links.replyTo(documentId, question(organizationId, form.text(IN_REPLY_TO)));
        execution.setVariable(EXCHANGE_RECIPIENTS, new ArrayList<>(recipients.stream().map(Organization::getCode).toList()));
        execution.setVariable(HAS_EXCHANGE_RECIPIENTS, !recipients.isEmpty());
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

    /** The card's addressees: the organizations in the system («по МСЭД»), then the others as typed. */
    private static String addressees(List<Organization> recipients, String others) {
        List<String> parts = new ArrayList<>();
        if (!recipients.isEmpty()) {
            List<String> names = recipients.stream().limit(NAMED_ADDRESSEES).map(Organization::getShortName).toList();
            String more = recipients.size() > NAMED_ADDRESSEES ? " и ещё " + (recipients.size() - NAMED_ADDRESSEES) + " организаций" : "";
            parts.add(String.join(", ", names) + more + " (по МСЭД)");
        }
        if (others != null) {
            parts.add(others);
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** The incoming card of the organization the draft answers, by its registration number. */
    private Long question(long organizationId, String number) {
        if (number == null) {
            return null;
        }
        return documents.findRegistered(organizationId, DocumentKind.INCOMING, number).map(Document::getId)
                .orElseThrow(() -> new UserInputException("«В ответ на»: входящий документ № " + number
                        + " не найден среди зарегистрированных документов вашей организации."));
    }
}
