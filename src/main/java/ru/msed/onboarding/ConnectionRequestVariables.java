package ru.msed.onboarding;

/** Variables of {@code processes/connection-request.bpmn}: ids and small values only. */
public final class ConnectionRequestVariables {

    public static final String REQUEST_ID = "requestId";
    /** Who submitted the request: corrects it when it is returned. */
    public static final String APPLICANT = "applicant";
    public static final String REQUEST_VALID = "requestValid";
    /** The first problems found, for the correction form; all of them are on the request's page. */
    public static final String PROBLEMS_TEXT = "problemsText";
    public static final String ORGANIZATION_NAME = "organizationName";
    public static final String PEOPLE_COUNT = "peopleCount";
    /** {@code approve} or {@code reject}. */
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_REASON = "reviewReason";
    public static final String APPROVED = "approved";
    public static final String OVERDUE = "overdue";

    private ConnectionRequestVariables() {
    }
}
