package ru.msed.execution;

/** Variables of the execution and control steps (keys of the execution forms). */
public final class ExecutionVariables {

    /** All executors, responsible first: the multi-instance collection. */
    public static final String EXECUTORS = "executors";
    /** The element variable: the executor of one assignment. */
    public static final String EXECUTOR = "executor";
    public static final String ASSIGNMENT_DUE_DATE = "assignmentDueDate";
    /** Local to each assignment, so parallel executors never overwrite each other. */
    public static final String REPORT_TEXT = "reportText";
    /** Set when the responsible executor reports: completes the multi-instance. */
    public static final String REPORT_SUBMITTED = "reportSubmitted";
    /** The responsible executor's latest report, shown to the controller. */
    public static final String RESPONSIBLE_REPORT = "responsibleReport";
    /** {@code accept} or {@code return}. */
    public static final String CONTROLLER_DECISION = "controllerDecision";
    public static final String CONTROLLER_COMMENT = "controllerComment";

    private ExecutionVariables() {
    }
}
