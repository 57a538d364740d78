package ru.msed.appeal;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msed.engine.InstanceKey;
import ru.msed.engine.VariablesContract;

/**
 * The variables of {@code processes/citizen-appeal.bpmn} and who may write them. The appeal's data —
 * the applicant, the terms, the answer, the result — lives in the database ({@link Appeals}); the
 * process holds what it routes on, what its timers read and what its forms show.
 *
 * <p>Form fields (written by the user who completes that task, through its form only): the start form
 * (the applicant and the receipt), the registration card, the preliminary review, the special cases'
 * decisions, the answer term's control and extension, the closing. Everything in {@link #CONTRACT}'s
 * engine-owned list is set by this package's delegates, the diagram's input/output mappings or the
 * called diagrams' outputs alone.
 */
public final class CitizenAppealVariables {

    public static final String PROCESS_ID = "citizen-appeal";
    /** The public form (and a body forwarding inside the system) start the diagram with this message. */
    public static final String ONLINE_MESSAGE = "citizen-appeal-submitted";

    // Engine-owned.
    public static final String INITIATOR = "initiator";
    public static final String DOCUMENT_ID = "documentId";
    public static final String DOCUMENT_KIND = "documentKind";
    public static final String ORGANIZATION_CODE = "organizationCode";
    public static final String REGISTRATION_NUMBER = "registrationNumber";
    /** Who registers it: the registrar who started it, or nobody yet (online: the registrars' group). */
    public static final String ASSIGNED_REGISTRAR = "assignedRegistrar";
    /** When it was received and registered (Date): the terms count from them. */
    public static final String RECEIVED_AT = "receivedAt";
    public static final String REGISTERED_AT = "registeredAt";
    /** The 30-day term (Date); an extension moves it and the term's timers restart. */
    public static final String ANSWER_DUE_DATE = "answerDueDate";
    public static final String TERM_EXTENDED = "termExtended";
    /** No name or no address to answer to (art. 11.1). */
    public static final String ANONYMOUS = "anonymous";
    public static final String APPEAL_TEXT = "appealText";
    public static final String CHANNEL = "channel";
    /** Options of the forms' selects: Json lists of {label, value}. */
    public static final String EARLIER_APPEALS = "earlierAppeals";
    public static final String TOPIC_OPTIONS = "topicOptions";
    public static final String BODY_OPTIONS = "competentBodyOptions";
    /** The bodies a complaint may be forwarded to: never the one it complains about. */
    public static final String FORWARD_OPTIONS = "forwardOptions";
    public static final String LAW_ENFORCEMENT_OPTIONS = "lawEnforcementOptions";
    /** Passed to the consideration: the executors' term as the draft resolution suggests it (ISO date). */
    public static final String SUGGESTED_DEADLINE = "suggestedDeadline";
    public static final String ANSWER_TERM = "answerTerm";
    public static final String EXECUTORS_TERM = "executorsTerm";
    // Returned by the called consideration and answer.
    public static final String RESOLUTION_ID = "resolutionId";
    public static final String RESPONSIBLE_EXECUTOR = "responsibleExecutor";
    public static final String RESPONSIBLE_REPORT = "responsibleReport";
    public static final String ANSWER_SUMMARY = "answerSummary";
    public static final String ANSWER_ADDRESSEES = "answerAddressees";
    public static final String ANSWER_DOCUMENT_ID = "answerDocumentId";
    public static final String ANSWER_NUMBER = "answerNumber";
    public static final String RESOLUTION_APPROVED = "resolutionApproved";
    public static final String CONSIDERATION_GROUP = "considerationGroup";

    // Start form (StartEvent_AppealReceived) and registration card (Task_RegisterAppeal).
    public static final String APPLICANT_NAME = "applicantName";
    public static final String POSTAL_ADDRESS = "postalAddress";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String RECEIVED_DATE = "receivedDate";
    public static final String RECEIPT_FORM = "receiptForm";
    public static final String APPEAL_KIND = "appealKind";
    public static final String COLLECTIVE = "collective";
    public static final String REPEATED = "repeated";
    public static final String LINKED_APPEALS = "linkedAppeals";
    public static final String TOPIC = "topic";
    public static final String COMPLAINED_BODY = "complainedBody";
    public static final String COMPLAINED_OFFICIAL = "complainedOfficial";
    public static final String SUMMARY = "summary";
    public static final String SHEET_COUNT = "sheetCount";
    // Preliminary review (Task_ReviewAppeal), anonymous (Task_ReviewAnonymousAppeal) and special cases.
    /** {@code consider}, {@code forward}, {@code abusive}, {@code unreadable} or {@code repeated}. */
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String FORWARD_TO = "forwardTo";
    public static final String REVIEW_NOTE = "reviewNote";
    public static final String REPORTS_CRIME = "reportsCrime";
    /** {@code leave} or {@code consider}. */
    public static final String ABUSE_DECISION = "abuseDecision";
    /** {@code end} or {@code consider}. */
    public static final String CORRESPONDENCE_DECISION = "correspondenceDecision";
    public static final String ADDRESS_READABLE = "addressReadable";
    // Answer term: control (Task_ControlAnswerTerm) and extension (Task_DecideTermExtension).
    /** {@code noted} or {@code extend}. */
    public static final String TERM_ACTION = "termAction";
    public static final String CONTROL_NOTE = "controlNote";
    /** {@code approve} or {@code reject}. */
    public static final String TERM_EXTENSION_DECISION = "termExtensionDecision";
    public static final String NEW_ANSWER_DUE = "newAnswerDue";
    public static final String TERM_EXTENSION_REASON = "termExtensionReason";
    // Closing (Task_CloseAppeal).
    public static final String APPEAL_RESULT = "appealResult";
    public static final String FILE_REFERENCE = "fileReference";

    // Diagram elements the delegates name.
    public static final String CONSIDERATION_PROCESS = "document-consideration";
    public static final String ANSWER_PROCESS = "outgoing-document";

    // User tasks Java names (the Tasklist folders).
    public static final String TASK_REGISTER_APPEAL = "Task_RegisterAppeal";
    public static final String TASK_CLOSE_APPEAL = "Task_CloseAppeal";
    public static final String TASK_REVIEW_APPEAL = "Task_ReviewAppeal";
    public static final String TASK_REVIEW_ANONYMOUS_APPEAL = "Task_ReviewAnonymousAppeal";
    public static final String TASK_DECIDE_ABUSIVE_APPEAL = "Task_DecideAbusiveAppeal";
    public static final String TASK_HANDLE_UNREADABLE_APPEAL = "Task_HandleUnreadableAppeal";
    public static final String TASK_DECIDE_END_CORRESPONDENCE = "Task_DecideEndCorrespondence";
    public static final String TASK_DECIDE_TERM_EXTENSION = "Task_DecideTermExtension";
    public static final String TASK_CONTROL_REGISTRATION_TERM = "Task_ControlRegistrationTerm";
    public static final String TASK_CONTROL_REVIEW_TERM = "Task_ControlReviewTerm";
    public static final String TASK_CONTROL_ANONYMOUS_TERM = "Task_ControlAnonymousTerm";
    public static final String TASK_CONTROL_UNREADABLE_TERM = "Task_ControlUnreadableTerm";
    public static final String TASK_CONTROL_ANSWER_TERM = "Task_ControlAnswerTerm";

    public static final VariablesContract CONTRACT = new VariablesContract(PROCESS_ID, true,
            Set.of(APPLICANT_NAME, POSTAL_ADDRESS, EMAIL, PHONE, RECEIVED_DATE, RECEIPT_FORM),
            Set.of(INITIATOR, DOCUMENT_ID, DOCUMENT_KIND, ORGANIZATION_CODE, REGISTRATION_NUMBER, ASSIGNED_REGISTRAR,
                    RECEIVED_AT, REGISTERED_AT, ANSWER_DUE_DATE, TERM_EXTENDED, ANONYMOUS, APPEAL_TEXT, CHANNEL,
                    EARLIER_APPEALS, TOPIC_OPTIONS, BODY_OPTIONS, FORWARD_OPTIONS, LAW_ENFORCEMENT_OPTIONS,
                    SUGGESTED_DEADLINE, ANSWER_TERM, EXECUTORS_TERM, RESOLUTION_ID, RESPONSIBLE_EXECUTOR,
                    RESPONSIBLE_REPORT, ANSWER_SUMMARY, ANSWER_ADDRESSEES, ANSWER_DOCUMENT_ID, ANSWER_NUMBER,
                    RESOLUTION_APPROVED, CONSIDERATION_GROUP));

    private CitizenAppealVariables() {
    }

    /** The appeal this instance works on, proven to be the one it was created for ({@link InstanceKey}). */
    static long documentId(DelegateExecution execution) {
        return InstanceKey.of(execution, DOCUMENT_ID);
    }

    @Configuration(proxyBeanMethods = false)
    static class Contract {
        @Bean
        VariablesContract citizenAppealContract() {
            return CONTRACT;
        }
    }
}
