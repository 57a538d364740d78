package ru.msed.execution;

/** Variables of the overdue and extension steps (keys of their forms). */
public final class ExtensionVariables {

    /** {@code report} or {@code extension}: what the executor submits. */
    public static final String EXECUTOR_ACTION = "executorAction";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String REQUESTED_DEADLINE = "requestedDeadline";
    public static final String EXTENSION_REQUEST_ID = "extensionRequestId";
    /** {@code approve} or {@code reject}. */
    public static final String EXTENSION_DECISION = "extensionDecision";
    public static final String EXTENSION_COMMENT = "extensionComment";
    /** The manager who approved the resolution: decides on extensions. */
    public static final String RESOLUTION_AUTHOR = "resolutionAuthor";
    /** Set when the deadline passed with assignments open: Cockpit's variable filter finds these. */
    public static final String OVERDUE = "overdue";
    /** The boundary timer whose date an approved extension moves. */
    public static final String DEADLINE_TIMER = "BoundaryEvent_DeadlinePassed";

    private ExtensionVariables() {
    }
}
