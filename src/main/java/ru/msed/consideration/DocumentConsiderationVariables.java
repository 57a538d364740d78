package ru.msed.consideration;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msed.engine.InstanceKey;
import ru.msed.engine.VariablesContract;
import ru.msed.execution.ExecutionService;
import ru.msed.resolution.ResolutionService;

/**
 * The variables of {@code processes/document-consideration.bpmn} — a document's consideration: draft
 * resolution, the manager's approval, execution by each executor (extension, overdue), control — and
 * who may write them. The diagram is called by the regulations of the document kinds (incoming
 * documents, citizens' appeals) with a call activity that passes the business key (the card's id) and
 * the input variables below; only the application starts it.
 *
 * <p>Form fields (written by the user who completes that task, through its form only): the resolution
 * draft and review, the executor's report or extension request, the extension decision, the overdue
 * control, the controller's decision, the rework. Everything in {@link #CONTRACT}'s engine-owned list is
 * set by the caller's call activity or this package's delegates alone.
 */
public final class DocumentConsiderationVariables {

    public static final String PROCESS_ID = "document-consideration";

    // Input from the calling regulation (engine-owned).
    public static final String DOCUMENT_ID = "documentId";
    public static final String DOCUMENT_KIND = "documentKind";
    public static final String REGISTRATION_NUMBER = "registrationNumber";
    /** Shown in the forms' headings and task titles; the caller's card form writes it, not this diagram's. */
    public static final String SUMMARY = "summary";
    /** The group that prepares the draft resolution (the caller's routing decides it). */
    public static final String CONSIDERATION_GROUP = "considerationGroup";
    /** Set by a caller whose resolution was approved elsewhere (an import): execution starts at once. */
    public static final String RESOLUTION_APPROVED = "resolutionApproved";
    public static final String ORGANIZATION_CODE = "organizationCode";
    public static final String INITIATOR = "initiator";
    /** Whether the card arrived through the exchange from another organization: the sender is told of the steps. */
    public static final String ARRIVED_BY_EXCHANGE = "arrivedByExchange";

    // Engine-owned: set by delegates only.
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
    /** The responsible executor's latest report, shown to the controller (and returned to the caller). */
    public static final String RESPONSIBLE_REPORT = "responsibleReport";
    /** The manager who approved the resolution: decides on extensions. */
    public static final String RESOLUTION_AUTHOR = "resolutionAuthor";
    public static final String EXTENSION_REQUEST_ID = "extensionRequestId";
    /** The deadline before an extension («11.12.2026»), shown to the one who decides. */
    public static final String CURRENT_DEADLINE = "currentDeadline";
    /** Set when the deadline passed with assignments open: Cockpit's variable filter finds these. */
    public static final String OVERDUE = "overdue";
    public static final String OVERDUE_EXECUTORS = "overdueExecutors";
    /** Input parameters of the notification steps to the sender (set by the diagram): kind, text, event. */
    public static final String NOTICE_KIND = "noticeKind";
    public static final String NOTICE_TEXT = "noticeText";
    public static final String NOTICE_EVENT = "noticeEvent";

    // Resolution forms (Task_DraftResolution, Task_ReviewResolution); the approval re-reads and
    // checks them, so a user may write them only there.
    public static final String RESOLUTION_TEXT = "resolutionText";
    public static final String RESPONSIBLE_EXECUTOR = "responsibleExecutor";
    public static final String CO_EXECUTORS = "coExecutors";
    /** The deadline as the form shows it: an ISO date string (a caller may pass a suggested one). */
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

    // Diagram elements the delegates name.
    public static final String TASK_DRAFT_RESOLUTION = "Task_DraftResolution";
    public static final String TASK_REVIEW_RESOLUTION = "Task_ReviewResolution";
    /** The responsible executor of an arrived document accepts the assignment (the sender is told). */
    public static final String TASK_ACCEPT_ASSIGNMENT = "Task_AcceptAssignment";
    public static final String TASK_EXECUTE_ASSIGNMENT = "Task_ExecuteAssignment";
    public static final String TASK_DECIDE_EXTENSION = "Task_DecideExtension";
    public static final String TASK_CONTROL_REPORT = "Task_ControlReport";
    public static final String TASK_REWORK_REPORT = "Task_ReworkReport";
    public static final String TASK_OVERDUE_CONTROL = "Task_OverdueControl";
    /** The boundary timer whose date an approved extension moves. */
    public static final String DEADLINE_TIMER = "BoundaryEvent_DeadlinePassed";

    public static final VariablesContract CONTRACT = new VariablesContract(PROCESS_ID, false, Set.of(),
            Set.of(DOCUMENT_ID, DOCUMENT_KIND, REGISTRATION_NUMBER, CONSIDERATION_GROUP, RESOLUTION_APPROVED,
                    ORGANIZATION_CODE, INITIATOR, EXECUTOR_OPTIONS, RESOLUTION_ID, EXECUTORS, EXECUTOR,
                    ASSIGNMENT_DUE_DATE, DEADLINE_TEXT, RESPONSIBLE_EXECUTOR_NAME, CONTRIBUTIONS, EXECUTOR_NAME,
                    REQUESTED_DEADLINE_TEXT, REPORT_SUBMITTED, RESPONSIBLE_REPORT, RESOLUTION_AUTHOR, EXTENSION_REQUEST_ID,
                    CURRENT_DEADLINE, OVERDUE, OVERDUE_EXECUTORS, ARRIVED_BY_EXCHANGE, NOTICE_KIND, NOTICE_TEXT, NOTICE_EVENT));

    private DocumentConsiderationVariables() {
    }

    /**
     * The card this instance works on, proven to be the one it was called for ({@link InstanceKey}): the
     * calling regulation passes its business key on.
     */
    static long documentId(DelegateExecution execution) {
        return InstanceKey.of(execution, DOCUMENT_ID);
    }

    /** The resolution of this instance's card. */
    static long resolutionId(DelegateExecution execution, ResolutionService resolutions) {
        long resolutionId = ((Number) execution.getVariable(RESOLUTION_ID)).longValue();
        InstanceKey.requireOwner(documentId(execution), resolutions.documentIdOf(resolutionId), RESOLUTION_ID);
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
        VariablesContract documentConsiderationContract() {
            return CONTRACT;
        }
    }
}
