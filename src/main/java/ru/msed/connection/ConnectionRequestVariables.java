package ru.msed.connection;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msed.engine.InstanceKey;
import ru.msed.engine.VariablesContract;

/**
 * Variables of {@code processes/connection-request.bpmn}: ids and small values only. Only the
 * application starts this diagram (from an uploaded workbook and letter); users write the fields of
 * the correction, review and escalation forms, and nothing in {@link #CONTRACT}'s engine-owned list.
 */
public final class ConnectionRequestVariables {

    public static final String PROCESS_ID = "connection-request";

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
    /** A system start names the tenant the request belongs to; never a user. */
    public static final String ORGANIZATION_CODE = "organizationCode";
    // Form fields
    public static final String CORRECTION_UPLOADED = "correctionUploaded";
    public static final String ESCALATION_ACTION = "escalationAction";
    public static final String ESCALATION_COMMENT = "escalationComment";

    // User tasks Java names (the Tasklist folders).
    public static final String TASK_REVIEW_REQUEST = "Task_ReviewRequest";
    public static final String TASK_FIX_REQUEST = "Task_FixRequest";
    public static final String TASK_ESCALATE_REVIEW = "Task_EscalateReview";

    public static final VariablesContract CONTRACT = new VariablesContract(PROCESS_ID, false, Set.of(),
            Set.of(REQUEST_ID, APPLICANT, REQUEST_VALID, PROBLEMS_TEXT, ORGANIZATION_NAME, PEOPLE_COUNT, APPROVED, OVERDUE,
                    ORGANIZATION_CODE));

    private ConnectionRequestVariables() {
    }

    /** The request this instance works on, proven to be the one it was started for ({@link InstanceKey}). */
    static long requestId(DelegateExecution execution) {
        return InstanceKey.of(execution, REQUEST_ID);
    }

    @Configuration(proxyBeanMethods = false)
    static class Contract {
        @Bean
        VariablesContract connectionRequestContract() {
            return CONTRACT;
        }
    }
}
