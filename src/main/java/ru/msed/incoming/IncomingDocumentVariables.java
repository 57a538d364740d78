package ru.msed.incoming;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msed.engine.InstanceKey;
import ru.msed.engine.VariablesContract;
import ru.msed.execution.ExecutionService;
import ru.msed.resolution.ResolutionService;

/**
 * The variables of {@code processes/incoming-document.bpmn} and who may write them. The database
 * holds the card, resolution and assignments; the process only what it routes on and shows.
 *
 * <p>Form fields (written by the user who completes that task, through its form only): the
 * registration card, the resolution draft and review, the executor's report or extension request,
 * the extension decision, the overdue control, the controller's decision, the rework and closing.
 * Everything in {@link #CONTRACT}'s engine-owned list is set by this package's delegates alone.
 */
public final class IncomingDocumentVariables {

    public static final String PROCESS_ID = "incoming-document";

    // Engine-owned: set by delegates only.
    /** Who started the registration: always the authenticated user (set again by {@link CreateDocumentCard}). */
    public static final String INITIATOR = "initiator";
    public static final String DOCUMENT_ID = "documentId";
    public static final String DOCUMENT_KIND = "documentKind";
    public static final String REGISTRATION_NUMBER = "registrationNumber";
    /** The registration date as clerks read it («30.11.2026»), for the stamping task. */
    public static final String REGISTRATION_DATE = "registrationDate";
    /** Output of {@code document-routing.dmn}: the group that prepares the draft resolution. */
    public static final String CONSIDERATION_GROUP = "considerationGroup";
    /** Options of the executor drop-downs: Json list of {label, value}. */
    public static final String EXECUTOR_OPTIONS = "executorOptions";
    public static final String RESOLUTION_ID = "resolutionId";
    /** All executors, responsible first: the multi-instance collection. */
    public static final String EXECUTORS = "executors";
    /** The element variable: the executor of one assignment. */
    public static final String EXECUTOR = "executor";
    public static final String ASSIGNMENT_DUE_DATE = "assignmentDueDate";
    /** The resolution's deadline as forms show it («11.12.2026»); follows extensions. */
    public static final String DEADLINE_TEXT = "deadlineText";
    /** «Иванов И. И.»: the responsible executor as forms name them. */
    public static final String RESPONSIBLE_EXECUTOR_NAME = "responsibleExecutorName";
    /** The co-executors' contributions, by name and date, for the responsible executor's report form. */
    public static final String CONTRIBUTIONS = "contributions";
    /** Local to an extension request: who asks, and the date asked for, as the deciding manager reads them. */
    public static final String EXECUTOR_NAME = "executorName";
    public static final String REQUESTED_DEADLINE_TEXT = "requestedDeadlineText";
    /** Set when the responsible executor reports: completes the multi-instance. */
    public static final String REPORT_SUBMITTED = "reportSubmitted";
    /** The responsible executor's latest report, shown to the controller. */
    public static final String RESPONSIBLE_REPORT = "responsibleReport";
    /** The manager who approved the resolution: decides on extensions. */
    public static final String RESOLUTION_AUTHOR = "resolutionAuthor";
    public static final String EXTENSION_REQUEST_ID = "extensionRequestId";
    /** The deadline before an extension («11.12.2026»), shown to the one who decides. */
    public static final String CURRENT_DEADLINE = "currentDeadline";
    /** Set when the deadline passed with assignments open: Cockpit's variable filter finds these. */
    public static final String OVERDUE = "overdue";
    public static final String OVERDUE_EXECUTORS = "overdueExecutors";
    /** A system start (import, exchange) names the organization; never a user. */
    public static final String ORGANIZATION_CODE = "organizationCode";
    /** The exchange package a card arrives in: set by the application's start of the arrival, never by a user. */
    public static final String EXCHANGE_PACKAGE_ID = "exchangePackageId";
    /** Whether the card arrived through the exchange: the gateways before every notification back read it. */
    public static final String ARRIVED_BY_EXCHANGE = "arrivedByExchange";
    /** The verdict of checking the arrived package's signatures, as the registrar reads it. */
    public static final String SIGNATURE_CHECK = "signatureCheck";
    /** How an arrived card is named until it has a number («МСЭД: Исх-12/26»): task names and folders show it. */
    public static final String DRAFT_NUMBER = ru.msed.engine.TaskTitles.DRAFT_NUMBER;
    /** Input parameters of the notification steps (set by the diagram): kind, text, and the event it is about. */
    public static final String NOTICE_KIND = "noticeKind";
    public static final String NOTICE_TEXT = "noticeText";
    public static final String NOTICE_EVENT = "noticeEvent";

    // Arrival form (Task_ConsiderArrival): the registration card's fields, prefilled, and the decision.
    /** {@code register} or {@code refuse}. */
    public static final String ARRIVAL_DECISION = "arrivalDecision";
    public static final String REFUSAL_REASON = "refusalReason";

    // Registration card form (Task_FillRegistrationCard)
    public static final String RECEIVED_DATE = "receivedDate";
    public static final String CORRESPONDENT = "correspondent";
    public static final String CORRESPONDENT_NUMBER = "correspondentNumber";
    public static final String CORRESPONDENT_DATE = "correspondentDate";
    public static final String SIGNATORY = "signatory";
    public static final String ADDRESSEE = "addressee";
    public static final String SUMMARY = "summary";
    public static final String DELIVERY_METHOD = "deliveryMethod";
    public static final String SHEET_COUNT = "sheetCount";
    public static final String ACCESS_LEVEL = "accessLevel";
    public static final String TOPIC = "topic";

    // Resolution forms (Task_DraftResolution, Task_ReviewResolution); the approval re-reads and
    // checks them, so a user may write them only there.
    public static final String RESOLUTION_TEXT = "resolutionText";
    public static final String RESPONSIBLE_EXECUTOR = "responsibleExecutor";
    public static final String CO_EXECUTORS = "coExecutors";
    /** The deadline as the form shows it: an ISO date string. */
    public static final String DEADLINE = "deadline";
    public static final String ON_CONTROL = "onControl";
    /** {@code approve} or {@code return}. */
    public static final String MANAGER_DECISION = "managerDecision";
    public static final String MANAGER_COMMENT = "managerComment";

    // Assignment form (Task_ExecuteAssignment), local to each executor's assignment.
    /** {@code report} or {@code extension}: what the executor submits. */
    public static final String EXECUTOR_ACTION = "executorAction";
    public static final String REPORT_TEXT = "reportText";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String REQUESTED_DEADLINE = "requestedDeadline";
    // Extension form (Task_DecideExtension)
    /** {@code approve} or {@code reject}. */
    public static final String EXTENSION_DECISION = "extensionDecision";
    public static final String EXTENSION_COMMENT = "extensionComment";
    // Control form (Task_ControlReport)
    /** {@code accept} or {@code return}. */
    public static final String CONTROLLER_DECISION = "controllerDecision";
    public static final String CONTROLLER_COMMENT = "controllerComment";
    // Closing form (Task_CloseDocument)
    public static final String EXECUTION_MARK = "executionMark";
    public static final String FILE_REFERENCE = "fileReference";

    // Diagram elements the delegates name.
    public static final String TASK_EXECUTE_ASSIGNMENT = "Task_ExecuteAssignment";
    public static final String TASK_REWORK_REPORT = "Task_ReworkReport";
    /** The registrar's task after registration: stamp the number on the paper original. */
    public static final String TASK_STAMP_NUMBER = "Task_StampNumber";
    /** The arrived document's registrar task: register it or refuse registration. */
    public static final String TASK_CONSIDER_ARRIVAL = "Task_ConsiderArrival";
    /** The responsible executor of an arrived document accepts the assignment (the sender is told). */
    public static final String TASK_ACCEPT_ASSIGNMENT = "Task_AcceptAssignment";
    /** The boundary timer whose date an approved extension moves. */
    public static final String DEADLINE_TIMER = "BoundaryEvent_DeadlinePassed";

    public static final VariablesContract CONTRACT = new VariablesContract(PROCESS_ID, true, Set.of(),
            Set.of(INITIATOR, DOCUMENT_ID, DOCUMENT_KIND, REGISTRATION_NUMBER, REGISTRATION_DATE, CONSIDERATION_GROUP,
                    EXECUTOR_OPTIONS, RESOLUTION_ID, EXECUTORS, EXECUTOR, ASSIGNMENT_DUE_DATE, DEADLINE_TEXT,
                    RESPONSIBLE_EXECUTOR_NAME, CONTRIBUTIONS, EXECUTOR_NAME, REQUESTED_DEADLINE_TEXT, REPORT_SUBMITTED,
                    RESPONSIBLE_REPORT, RESOLUTION_AUTHOR, EXTENSION_REQUEST_ID, CURRENT_DEADLINE, OVERDUE,
                    OVERDUE_EXECUTORS, ORGANIZATION_CODE, EXCHANGE_PACKAGE_ID, ARRIVED_BY_EXCHANGE, SIGNATURE_CHECK,
                    DRAFT_NUMBER, NOTICE_KIND, NOTICE_TEXT, NOTICE_EVENT));

    private IncomingDocumentVariables() {
    }

    /** The card this instance works on, proven to be the one it was created for ({@link InstanceKey}). */
    static long documentId(DelegateExecution execution) {
        return InstanceKey.of(execution, DOCUMENT_ID);
    }

    /** The resolution of this instance's card. */
    static long resolutionId(DelegateExecution execution, ResolutionService resolutions) {
        long resolutionId = ((Number) execution.getVariable(RESOLUTION_ID)).longValue();
        InstanceKey.requireOwner(documentId(execution), resolutions.resolution(resolutionId).getDocumentId(), RESOLUTION_ID);
        return resolutionId;
    }

    /** An extension request of this instance's resolution. */
    static long extensionRequestId(DelegateExecution execution, ResolutionService resolutions, ExecutionService executions) {
        long requestId = ((Number) execution.getVariable(EXTENSION_REQUEST_ID)).longValue();
        InstanceKey.requireOwner(resolutionId(execution, resolutions), executions.extensionRequest(requestId).getResolutionId(),
                EXTENSION_REQUEST_ID);
        return requestId;
    }

    @Configuration(proxyBeanMethods = false)
    static class Contract {
        @Bean
        VariablesContract incomingDocumentContract() {
            return CONTRACT;
        }
    }
}
