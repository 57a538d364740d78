package ru.msed.approval;

/** Variables of {@code processes/outgoing-document.bpmn} (keys of its forms). */
public final class OutgoingDocumentVariables {

    public static final String PROCESS_ID = "outgoing-document";
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

    private OutgoingDocumentVariables() {
    }
}
