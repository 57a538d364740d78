package ru.msed.incoming;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msed.consideration.DocumentConsiderationVariables;
import ru.msed.engine.InstanceKey;
import ru.msed.engine.VariablesContract;

/**
 * The variables of {@code processes/incoming-document.bpmn} and who may write them. The database
 * holds the card, resolution and assignments; the process only what it routes on and shows.
 *
 * <p>Form fields (written by the user who completes that task, through its form only): the
 * registration card and the closing. The consideration — resolution, execution, control — is the
 * called diagram {@code document-consideration} ({@link DocumentConsiderationVariables}): the call
 * passes every variable of this instance on, so everything engine-owned there is engine-owned here
 * too, and the call returns the resolution, the responsible executor, the report and the overdue flag.
 * Everything in {@link #CONTRACT}'s engine-owned list is set by delegates (or the call) alone.
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
    /** A system start (import, exchange) names the organization; never a user. */
    public static final String ORGANIZATION_CODE = "organizationCode";
    // Returned by the consideration (camunda:out of the call activity).
    public static final String RESOLUTION_ID = DocumentConsiderationVariables.RESOLUTION_ID;
    public static final String RESPONSIBLE_EXECUTOR = DocumentConsiderationVariables.RESPONSIBLE_EXECUTOR;
    public static final String RESPONSIBLE_REPORT = DocumentConsiderationVariables.RESPONSIBLE_REPORT;
    public static final String OVERDUE = DocumentConsiderationVariables.OVERDUE;
    /** The exchange package a card arrives in: set by the application's start of the arrival, never by a user. */
    public static final String EXCHANGE_PACKAGE_ID = "exchangePackageId";
    /**
     * Whether the card arrived through the exchange: the gateways before every notification back read it,
     * here and in the consideration (which gets it with the other variables).
     */
    public static final String ARRIVED_BY_EXCHANGE = DocumentConsiderationVariables.ARRIVED_BY_EXCHANGE;
    /** The verdict of checking the arrived package's signatures, as the registrar reads it. */
    public static final String SIGNATURE_CHECK = "signatureCheck";
    /** How an arrived card is named until it has a number («МСЭД: Исх-12/26»): task names and folders show it. */
    public static final String DRAFT_NUMBER = ru.msed.engine.TaskTitles.DRAFT_NUMBER;
    /** Input parameters of the notification steps (set by the diagram): kind, text, and the event it is about. */
    public static final String NOTICE_KIND = DocumentConsiderationVariables.NOTICE_KIND;
    public static final String NOTICE_TEXT = DocumentConsiderationVariables.NOTICE_TEXT;
    public static final String NOTICE_EVENT = DocumentConsiderationVariables.NOTICE_EVENT;

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
    // Closing form (Task_CloseDocument)
    public static final String EXECUTION_MARK = "executionMark";
    public static final String FILE_REFERENCE = "fileReference";

    /** The call activity of the consideration: its called instance holds the resolution's tasks. */
    public static final String CONSIDERATION = "CallActivity_ConsiderDocument";
    public static final String TASK_FILL_REGISTRATION_CARD = "Task_FillRegistrationCard";
    /** The registrar's task after registration: stamp the number on the paper original. */
    public static final String TASK_STAMP_NUMBER = "Task_StampNumber";
    public static final String TASK_CLOSE_DOCUMENT = "Task_CloseDocument";
    /** The arrived document's registrar task: register it or refuse registration. */
    public static final String TASK_CONSIDER_ARRIVAL = "Task_ConsiderArrival";

    public static final VariablesContract CONTRACT = new VariablesContract(PROCESS_ID, true, Set.of(),
            engineOwned(INITIATOR, DOCUMENT_ID, DOCUMENT_KIND, REGISTRATION_NUMBER, REGISTRATION_DATE, CONSIDERATION_GROUP,
                    ORGANIZATION_CODE, RESOLUTION_ID, RESPONSIBLE_EXECUTOR, RESPONSIBLE_REPORT, OVERDUE, EXCHANGE_PACKAGE_ID,
                    ARRIVED_BY_EXCHANGE, SIGNATURE_CHECK, DRAFT_NUMBER, NOTICE_KIND, NOTICE_TEXT, NOTICE_EVENT));

    private IncomingDocumentVariables() {
    }

    /** The card this instance works on, proven to be the one it was created for ({@link InstanceKey}). */
    static long documentId(DelegateExecution execution) {
        return InstanceKey.of(execution, DOCUMENT_ID);
    }

    /** Own engine-owned variables and the consideration's, which the call passes on. */
    private static Set<String> engineOwned(String... own) {
        Set<String> all = new HashSet<>(Set.of(own));
        all.addAll(DocumentConsiderationVariables.CONTRACT.engineOwned());
        return all;
    }

    @Configuration(proxyBeanMethods = false)
    static class Contract {
        @Bean
        VariablesContract incomingDocumentContract() {
            return CONTRACT;
        }
    }
}
