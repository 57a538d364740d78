package ru.msed.resolution;

/** Variables of the resolution steps of the document diagrams (keys of the resolution forms). */
public final class ResolutionVariables {

    public static final String RESOLUTION_ID = "resolutionId";
    public static final String RESOLUTION_TEXT = "resolutionText";
    public static final String RESPONSIBLE_EXECUTOR = "responsibleExecutor";
    public static final String CO_EXECUTORS = "coExecutors";
    /** The deadline as the form shows it: an ISO date string. */
    public static final String DEADLINE = "deadline";
    public static final String ON_CONTROL = "onControl";
    /** Options of the executor drop-downs: Json list of {label, value}. */
    public static final String EXECUTOR_OPTIONS = "executorOptions";
    /** {@code approve} or {@code return}. */
    public static final String MANAGER_DECISION = "managerDecision";
    public static final String MANAGER_COMMENT = "managerComment";

    private ResolutionVariables() {
    }
}
