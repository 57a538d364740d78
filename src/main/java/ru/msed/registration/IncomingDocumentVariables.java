package ru.msed.registration;

/**
 * Names of the variables of {@code processes/incoming-document.bpmn}. The card's fields are also
 * the keys of the registration form; the database holds the card, the process only what it routes on.
 */
public final class IncomingDocumentVariables {

    public static final String PROCESS_ID = "incoming-document";

    /** Who started the registration (set by the start event). */
    public static final String INITIATOR = "initiator";
    public static final String DOCUMENT_ID = "documentId";
    public static final String DOCUMENT_KIND = "documentKind";
    public static final String REGISTRATION_NUMBER = "registrationNumber";

    // Registration card form
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

    /** Output of {@code document-routing.dmn}: the group that prepares the draft resolution. */
    public static final String CONSIDERATION_GROUP = "considerationGroup";

    // Closing form
    public static final String EXECUTION_MARK = "executionMark";
    public static final String FILE_REFERENCE = "fileReference";

    private IncomingDocumentVariables() {
    }
}
