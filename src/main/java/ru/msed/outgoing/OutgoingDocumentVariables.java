package ru.msed.outgoing;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msed.engine.InstanceKey;
import ru.msed.engine.TaskTitles;
import ru.msed.engine.VariablesContract;

/**
 * Variables of {@code processes/outgoing-document.bpmn} and who may write them: the draft form
 * (summary, addressees, signatory, route), each approver's visa form and the signatory's form are
 * written by their users; everything in {@link #CONTRACT}'s engine-owned list only by delegates.
 */
public final class OutgoingDocumentVariables {

    public static final String PROCESS_ID = "outgoing-document";
    /** Who drafts the document: always the authenticated user who started it. */
    public static final String INITIATOR = "initiator";
    public static final String DOCUMENT_ID = "documentId";
    public static final String REGISTRATION_NUMBER = "registrationNumber";
    /** «Исх. проект № 12» until the document is registered: task names and folders show it. */
    public static final String DRAFT_NUMBER = TaskTitles.DRAFT_NUMBER;
    /** The signatory's confirmation on the signing form. */
    public static final String SIGNED = "signed";
    public static final String SUMMARY = "summary";
    public static final String ADDRESSEES = "addressees";
    public static final String SIGNATORY_USER = "signatoryUser";
    /** Route as typed: approvers of a stage separated by commas, stages by semicolons. */
    public static final String APPROVAL_ROUTE = "approvalRoute";
    /** The parsed route: a list of stages, each a list of approvers (outer sequential, inner parallel). */
    public static final String APPROVAL_STAGES = "approvalStages";
    public static final String STAGE = "stage";
    public static final String APPROVER = "approver";
    public static final String ROUND = "approvalRound";
    /** {@code approve}, {@code approve_with_remarks} or {@code reject}; local to each approver. */
    public static final String VISA_DECISION = "visaDecision";
    public static final String VISA_COMMENT = "visaComment";
    public static final String ROUTE_REJECTED = "routeRejected";
    public static final String REJECTION = "rejection";
    public static final String OPTIONS_SIGNATORIES = "signatoryOptions";

    // Exchange between organizations.
    /** The directory of connected organizations for the draft form's addressee picker: Json list of {label, value}. */
    public static final String OPTIONS_ORGANIZATIONS = "organizationOptions";
    /** Draft form: addressees chosen from the directory (organization codes). */
    public static final String RECIPIENT_ORGANIZATIONS = "recipientOrganizations";
    /** Draft form: the registration number of the incoming document this one answers («в ответ на»). */
    public static final String IN_REPLY_TO = "inReplyTo";
    /** The checked addressees in the system: the delivery multi-instance's collection. */
    public static final String EXCHANGE_RECIPIENTS = "exchangeRecipients";
    public static final String HAS_EXCHANGE_RECIPIENTS = "hasExchangeRecipients";
    /** The element variable: one recipient organization's code. */
    public static final String EXCHANGE_RECIPIENT = "exchangeRecipient";
    public static final String EXCHANGE_RECIPIENT_NAME = "exchangeRecipientName";
    /** Set by the recipient's notification: {@code registered} or {@code refused}, and what it said. */
    public static final String EXCHANGE_ANSWER = "exchangeAnswer";
    public static final String EXCHANGE_ANSWER_TEXT = "exchangeAnswerText";
    /** Delivery check form (Task_CheckDelivery): {@code wait} or {@code stop}. */
    public static final String DELIVERY_DECISION = "deliveryDecision";
    /** The receive step waits for the message named this plus the recipient's code (Message_ExchangeAnswer). */
    public static final String ANSWER_MESSAGE_PREFIX = "exchange-answer-";

    // User tasks Java names (the Tasklist folders).
    public static final String TASK_CHECK_DELIVERY = "Task_CheckDelivery";
    public static final String TASK_REVIEW_REFUSAL = "Task_ReviewRefusal";
    public static final String TASK_PREPARE_DRAFT = "Task_PrepareDraft";
    public static final String TASK_GIVE_VISA = "Task_GiveVisa";
    public static final String TASK_SIGN_DOCUMENT = "Task_SignDocument";

    public static final VariablesContract CONTRACT = new VariablesContract(PROCESS_ID, true, Set.of(),
            Set.of(INITIATOR, DOCUMENT_ID, REGISTRATION_NUMBER, DRAFT_NUMBER, APPROVAL_STAGES, STAGE, APPROVER, ROUND, ROUTE_REJECTED,
                    REJECTION, OPTIONS_SIGNATORIES, OPTIONS_ORGANIZATIONS, EXCHANGE_RECIPIENTS, HAS_EXCHANGE_RECIPIENTS,
                    EXCHANGE_RECIPIENT, EXCHANGE_RECIPIENT_NAME, EXCHANGE_ANSWER, EXCHANGE_ANSWER_TEXT));

    private OutgoingDocumentVariables() {
    }

    /** The card this instance works on, proven to be the one it was created for ({@link InstanceKey}). */
    static long documentId(DelegateExecution execution) {
        return InstanceKey.of(execution, DOCUMENT_ID);
    }

    @Configuration(proxyBeanMethods = false)
    static class Contract {
        @Bean
        VariablesContract outgoingDocumentContract() {
            return CONTRACT;
        }
    }
}
