package ru.msed.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ru.msed.appeal.CitizenAppealVariables.*;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.msed.DiagramEngine;
import ru.msed.calendar.CalendarDays;
import ru.msed.calendar.TestCalendars;

/**
 * {@code processes/citizen-appeal.bpmn} with the diagrams it calls, delegates stubbed, the engine clock
 * moved through every term: registration (3 days), forwarding (7 days), the answer (30 days) with its
 * reminder and the controller's escalation before the term, the extension that restarts the term's
 * timers, the term passing; forwarding, each special case, the answer and closing. The same on the real
 * services and PostgreSQL is {@code CitizenAppealProcessTest}.
 */
class CitizenAppealDiagramTest {

    static final long APPEAL = 77L;
    static final Date REGISTERED = at(2026, 11, 2, 10);

    ProcessEngine engine;
    final CalendarDays calendarDays = TestCalendars.calendarDays();
    final List<String> steps = new ArrayList<>();

    @BeforeEach
    void diagram() {
        engine = DiagramEngine.with(PROCESS_ID);
        ClockUtil.setCurrentTime(at(2026, 11, 1, 12));
        DiagramEngine.delegate("createAppealCard", execution -> {
            steps.add("card");
            execution.setProcessBusinessKey(Long.toString(APPEAL));
            execution.setVariable(DOCUMENT_ID, APPEAL);
            execution.setVariable(RECEIVED_AT, ClockUtil.getCurrentTime());
            execution.setVariable(ASSIGNED_REGISTRAR, "registrar");
        });
        DiagramEngine.delegate("acceptOnlineAppeal", execution -> {
            steps.add("online");
            execution.setVariable(RECEIVED_AT, ClockUtil.getCurrentTime());
            execution.setVariable(ASSIGNED_REGISTRAR, null);
        });
        DiagramEngine.delegate("findEarlierAppeals", execution -> steps.add("earlier"));
        DiagramEngine.delegate("registerAppeal", execution -> {
            steps.add("register");
            execution.setVariable(REGISTRATION_NUMBER, "ОГ-1/26");
            execution.setVariable(REGISTERED_AT, REGISTERED);
            execution.setVariable(ANONYMOUS, execution.getVariable(APPLICANT_NAME) == null);
            execution.setVariable(REPORTS_CRIME, null);
        });
        DiagramEngine.delegate("recordAppealReview", execution -> {
            steps.add("review:" + execution.getVariable(REVIEW_DECISION));
            execution.setVariable(ABUSE_DECISION, null);
            execution.setVariable(CORRESPONDENCE_DECISION, null);
        });
        DiagramEngine.delegate("forwardAppeal", execution -> steps.add("forward:" + execution.getVariable(FORWARD_TO)));
        DiagramEngine.delegate("leaveAnonymousUnanswered", execution -> steps.add("anonymous unanswered"));
        DiagramEngine.delegate("leaveAbusiveUnanswered", execution -> steps.add("abusive unanswered"));
        DiagramEngine.delegate("closeUnreadableAppeal", execution -> steps.add("unreadable"));
        DiagramEngine.delegate("endCorrespondence", execution -> steps.add("correspondence ended"));
        DiagramEngine.delegate("setAnswerTerm", execution -> {
            steps.add("term");
            Date term = (Date) execution.getVariableLocal(ANSWER_TERM);
            execution.getProcessInstance().setVariable(ANSWER_DUE_DATE, term);
            execution.getProcessInstance().setVariable(SUGGESTED_DEADLINE, "2026-11-27");
            execution.getProcessInstance().setVariable(TERM_EXTENDED, false);
            execution.getProcessInstance().setVariable(TERM_ACTION, null);
        });
        DiagramEngine.delegate("prepareAppealAnswer", execution -> {
            steps.add("prepare answer");
            execution.setVariable(ANSWER_SUMMARY, "Ответ на обращение № ОГ-1/26");
            execution.setVariable(ANSWER_ADDRESSEES, "Иванов И. И., г. Демо");
        });
        DiagramEngine.delegate("recordAppealAnswer", execution -> steps.add("answer:" + execution.getVariable(ANSWER_NUMBER)));
        DiagramEngine.delegate("closeAppeal", execution -> steps.add("close:" + execution.getVariable(APPEAL_RESULT)));
        DiagramEngine.delegate("remindAboutAnswer", execution -> steps.add("reminder"));
        DiagramEngine.delegate("markAnswerTermViolated", execution -> steps.add("violated"));
        DiagramEngine.delegate("extendAnswerTerm", execution -> {
            steps.add("extend:" + execution.getVariable(TERM_EXTENSION_DECISION));
            if ("approve".equals(execution.getVariable(TERM_EXTENSION_DECISION))) {
                execution.getProcessInstance().setVariable(ANSWER_DUE_DATE, at(2026, 12, 30, 18));
                execution.getProcessInstance().setVariable(TERM_EXTENDED, true);
            }
        });
        // The called diagrams' own delegates: the consideration and the outgoing answer.
        DiagramEngine.delegate("prepareExecutorList", execution -> { });
        DiagramEngine.delegate("saveResolutionDraft", execution -> execution.setVariable("resolutionId", 5L));
        DiagramEngine.delegate("approveResolution", execution -> {
            execution.setVariable("executors", new ArrayList<>(List.of("executor1")));
            execution.setVariable("responsibleExecutor", "executor1");
            execution.setVariable("assignmentDueDate", at(2026, 11, 27, 18));
            execution.setVariable("reportSubmitted", false);
            execution.setVariable("resolutionAuthor", "manager");
            execution.setVariable("overdue", false);
            execution.setVariable("onControl", false);
        });
        DiagramEngine.delegate("saveExecutionReport", execution -> {
            execution.getProcessInstance().setVariable("reportSubmitted", true);
            execution.getProcessInstance().setVariable("responsibleReport", "Подготовлен проект ответа");
        });
        DiagramEngine.delegate("createOutgoingCard", execution -> {
            execution.setProcessBusinessKey("88");
            execution.setVariable("documentId", 88L);
        });
        DiagramEngine.delegate("sendForApproval", execution -> {
            execution.setVariable("approvalStages", new ArrayList<>());
            execution.setVariable("routeRejected", false);
            // The answer goes to the citizen: no organization of the system among its addressees.
            execution.setVariable("exchangeRecipients", new ArrayList<>());
            execution.setVariable("hasExchangeRecipients", false);
        });
        DiagramEngine.delegate("sendForSigning", execution -> { });
        DiagramEngine.delegate("checkSignature", execution -> { });
        DiagramEngine.delegate("registerOutgoing", execution -> execution.setVariable("registrationNumber", "Исх-9/26"));
        DiagramEngine.delegate("dispatchDocument", execution -> { });
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theRegistrarRegistersWithinThreeDaysAndTheControllerIsCalledTheDayBefore() {
        ProcessInstance instance = startAtOffice("Иванов Иван Иванович");
        assertThat(steps).containsExactly("card", "earlier");
        Task register = task(instance);
        assertThat(register).hasDefinitionKey("Task_RegisterAppeal").isAssignedTo("registrar");
        // Received on Sunday 1 November 2026: the third day, 4 November, is a holiday, so the term ends on
        // Tuesday 3 November; the controller is called the day before.
        assertThat(register.getDueDate()).isEqualTo(at(2026, 11, 3, 18));
        Job termNear = job("BoundaryEvent_RegistrationTermNear", instance);
        assertThat(termNear.getDuedate()).isEqualTo(at(2026, 11, 2, 9));
        ClockUtil.setCurrentTime(at(2026, 11, 2, 9));
        execute(termNear);
        assertThat(instance).isWaitingAt("Task_RegisterAppeal", "Task_ControlRegistrationTerm");
        assertThat(taskAt(instance, "Task_ControlRegistrationTerm")).hasCandidateGroup("controller");
        complete(taskAt(instance, "Task_ControlRegistrationTerm"), withVariables(CONTROL_NOTE, "Напомнила"));
        complete(register);
        assertThat(instance).isWaitingAt("Task_ReviewAppeal");
    }

    @Test
    void anOnlineAppealWaitsForTheRegistrarsGroup() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByMessage(ONLINE_MESSAGE,
                Long.toString(APPEAL), Map.of(DOCUMENT_ID, APPEAL, APPLICANT_NAME, "Петрова Анна"));
        assertThat(steps).containsExactly("online", "earlier");
        assertThat(task(instance)).hasDefinitionKey("Task_RegisterAppeal").isNotAssigned().hasCandidateGroup("registrar");
    }

    @Test
    void forwardingIsDecidedWithinSevenDaysWithTheControllerCalledTwoDaysBefore() {
        ProcessInstance instance = registered("Иванов Иван Иванович");
        Task review = task(instance);
        assertThat(review).hasDefinitionKey("Task_ReviewAppeal").hasCandidateGroup("dept-appeals");
        // Registered on Monday 2 November: forwarded by Monday 9 November; the controller on Saturday the 7th.
        assertThat(review.getDueDate()).isEqualTo(at(2026, 11, 9, 18));
        Job termNear = job("BoundaryEvent_ReviewTermNear", instance);
        assertThat(termNear.getDuedate()).isEqualTo(at(2026, 11, 7, 9));
        execute(termNear);
        assertThat(taskAt(instance, "Task_ControlReviewTerm")).hasCandidateGroup("controller");

        complete(review, withVariables(REVIEW_DECISION, "forward", FORWARD_TO, "HEALTH"));
        assertThat(instance).hasPassed("Task_ForwardAppeal", "EndEvent_AppealForwarded").isNotEnded();
        complete(taskAt(instance, "Task_ControlReviewTerm"));
        assertThat(instance).isEnded();
        assertThat(steps).containsSubsequence("review:forward", "forward:HEALTH");
    }

    @Test
    void withoutANameOrAddressThereIsNoAnswerAndACrimeGoesToLawEnforcement() {
        ProcessInstance unanswered = registered(null);
        Task anonymous = task(unanswered);
        assertThat(anonymous).hasDefinitionKey("Task_ReviewAnonymousAppeal").hasCandidateGroup("dept-appeals");
        assertThat(job("BoundaryEvent_AnonymousTermNear", unanswered)).isNotNull();
        complete(anonymous, withVariables(REPORTS_CRIME, false));
        assertThat(unanswered).isEnded().hasPassed("EndEvent_AnonymousUnanswered");

        ProcessInstance crime = registered(null);
        complete(task(crime), withVariables(REPORTS_CRIME, true, FORWARD_TO, "POLICE"));
        assertThat(crime).isEnded().hasPassed("EndEvent_SentToLawEnforcement");
        assertThat(steps).contains("anonymous unanswered", "forward:POLICE");
    }

    @Test
    void abusiveLanguageIsLeftUnansweredOrConsideredAsTheManagerDecides() {
        ProcessInstance left = registered("Сидоров");
        complete(task(left), withVariables(REVIEW_DECISION, "abusive"));
        assertThat(task(left)).hasDefinitionKey("Task_DecideAbusiveAppeal").hasCandidateGroup("manager");
        complete(task(left), withVariables(ABUSE_DECISION, "leave"));
        assertThat(left).isEnded().hasPassed("EndEvent_AbusiveUnanswered");

        ProcessInstance considered = registered("Сидоров");
        complete(task(considered), withVariables(REVIEW_DECISION, "abusive"));
        complete(task(considered), withVariables(ABUSE_DECISION, "consider"));
        assertThat(considered).hasPassed("Task_SetAnswerTerm").isWaitingAt("CallActivity_ConsiderAppeal");
    }

    @Test
    void anUnreadableTextIsAnsweredWithinSevenDaysIfTheAddressCanBeRead() {
        ProcessInstance instance = registered("Кузьмин");
        complete(task(instance), withVariables(REVIEW_DECISION, "unreadable"));
        Task unreadable = task(instance);
        assertThat(unreadable).hasDefinitionKey("Task_HandleUnreadableAppeal");
        assertThat(unreadable.getDueDate()).isEqualTo(at(2026, 11, 9, 18));
        assertThat(job("BoundaryEvent_UnreadableTermNear", instance).getDuedate()).isEqualTo(at(2026, 11, 7, 9));
        complete(unreadable, withVariables(ADDRESS_READABLE, true));
        assertThat(instance).isEnded().hasPassed("EndEvent_Unreadable");
    }

    @Test
    void theHeadMayEndTheCorrespondenceOnARepeatedQuestion() {
        ProcessInstance ended = registered("Орлова");
        complete(task(ended), withVariables(REVIEW_DECISION, "repeated"));
        assertThat(task(ended)).hasDefinitionKey("Task_DecideEndCorrespondence").hasCandidateGroup("manager");
        complete(task(ended), withVariables(CORRESPONDENCE_DECISION, "end"));
        assertThat(ended).isEnded().hasPassed("EndEvent_CorrespondenceEnded");

        ProcessInstance goesOn = registered("Орлова");
        complete(task(goesOn), withVariables(REVIEW_DECISION, "repeated"));
        complete(task(goesOn), withVariables(CORRESPONDENCE_DECISION, "consider"));
        assertThat(goesOn).isWaitingAt("CallActivity_ConsiderAppeal");
    }

    @Test
    void theAnswerTermHasAReminderFiveDaysAndAnEscalationTwoDaysBeforeItAndIsMarkedWhenItPasses() {
        ProcessInstance instance = onTheMerits();
        // Registered Monday 2 November 2026: 30 calendar days → Wednesday 2 December.
        Date due = at(2026, 12, 2, 18);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), ANSWER_DUE_DATE)).isEqualTo(due);
        assertThat(timer(instance, "TimerEvent_ReminderDue").getDuedate()).isEqualTo(at(2026, 11, 27, 9));
        assertThat(timer(instance, "TimerEvent_EscalationDue").getDuedate()).isEqualTo(at(2026, 11, 30, 9));
        assertThat(timer(instance, "TimerEvent_TermPassed").getDuedate()).isEqualTo(due);

        fire(instance, "TimerEvent_ReminderDue");
        assertThat(steps).contains("reminder");
        fire(instance, "TimerEvent_EscalationDue");
        Task control = taskAt(instance, "Task_ControlAnswerTerm");
        assertThat(control).hasCandidateGroup("controller");
        assertThat(control.getCreateTime()).isBefore(due);
        complete(control, withVariables(TERM_ACTION, "noted"));
        fire(instance, "TimerEvent_TermPassed");
        assertThat(steps).contains("violated");
        assertThat(instance).hasPassed("EndEvent_TermWatched").isWaitingAt("CallActivity_ConsiderAppeal");
    }

    @Test
    void anExtensionByTheHeadMovesTheTermAndRestartsItsTimers() {
        ProcessInstance instance = onTheMerits();
        fire(instance, "TimerEvent_EscalationDue");
        complete(taskAt(instance, "Task_ControlAnswerTerm"), withVariables(TERM_ACTION, "extend"));
        Task decide = taskAt(instance, "Task_DecideTermExtension");
        assertThat(decide).hasCandidateGroup("manager");
        complete(decide, withVariables(TERM_EXTENSION_DECISION, "approve", NEW_ANSWER_DUE, "2026-12-30",
                TERM_EXTENSION_REASON, "Запрошены материалы в другом органе"));

        assertThat(instance).hasPassed("EndEvent_TermExtended", "BoundaryEvent_TermExtended");
        Date newDue = at(2026, 12, 30, 18);
        assertThat(timer(instance, "TimerEvent_TermPassed").getDuedate()).isEqualTo(newDue);
        assertThat(timer(instance, "TimerEvent_ReminderDue").getDuedate()).isEqualTo(at(2026, 12, 25, 9));
        assertThat(timer(instance, "TimerEvent_EscalationDue").getDuedate()).isEqualTo(at(2026, 12, 28, 9));
        assertThat(steps).contains("extend:approve");
    }

    @Test
    void aRefusedExtensionKeepsTheTermAndItsTimers() {
        ProcessInstance instance = onTheMerits();
        Job termPassed = timer(instance, "TimerEvent_TermPassed");
        fire(instance, "TimerEvent_EscalationDue");
        complete(taskAt(instance, "Task_ControlAnswerTerm"), withVariables(TERM_ACTION, "extend"));
        complete(taskAt(instance, "Task_DecideTermExtension"), withVariables(TERM_EXTENSION_DECISION, "reject"));
        assertThat(instance).hasPassed("EndEvent_ExtensionRefused");
        assertThat(timer(instance, "TimerEvent_TermPassed").getId()).isEqualTo(termPassed.getId());
    }

    @Test
    void theAnswerIsDraftedThroughTheOutgoingRouteAndTheAppealClosesWithItsResult() {
        ProcessInstance instance = onTheMerits();
        ProcessInstance consideration = calledProcessInstance(instance);
        assertThat(consideration.getBusinessKey()).isEqualTo(Long.toString(APPEAL));
        assertThat(task(consideration)).hasDefinitionKey("Task_DraftResolution").hasCandidateGroup("dept-appeals");
        assertThat(engine.getRuntimeService().getVariable(consideration.getId(), "deadline")).isEqualTo("2026-11-27");
        complete(task(consideration), withVariables("onControl", false));
        complete(task(consideration), withVariables("managerDecision", "approve"));
        complete(task(consideration), withVariables("reportText", "Проект ответа готов"));

        // The answer's draft starts asynchronously, as the application, for the responsible executor.
        assertThat(instance).isWaitingAt("CallActivity_DraftAnswer");
        execute(job("CallActivity_DraftAnswer", instance));
        ProcessInstance answer = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(instance.getId()).processDefinitionKey(ANSWER_PROCESS).singleResult();
        Task draft = task(answer);
        assertThat(draft).hasDefinitionKey("Task_PrepareDraft").isAssignedTo("executor1");
        assertThat(engine.getRuntimeService().getVariable(answer.getId(), "addressees")).isEqualTo("Иванов И. И., г. Демо");
        complete(draft, withVariables("signatoryUser", "manager"));
        complete(task(answer), withVariables("signed", true));

        assertThat(instance).hasPassed("Task_RecordAnswer").isWaitingAt("Task_CloseAppeal");
        assertThat(task(instance)).hasCandidateGroup("registrar");
        complete(task(instance), withVariables(APPEAL_RESULT, "EXPLAINED", FILE_REFERENCE, "02-ОГ"));
        assertThat(instance).isEnded().hasPassed("EndEvent_AppealConsidered", "EndEvent_AppealClosed");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(steps).containsSubsequence("term", "prepare answer", "answer:Исх-9/26", "close:EXPLAINED");
    }

    private ProcessInstance startAtOffice(String applicant) {
        engine.getIdentityService().setAuthenticatedUserId("registrar");
        try {
            return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(PROCESS_ID).latestVersion().singleResult().getId(),
                    applicant == null ? Map.of(RECEIVED_DATE, "2026-11-01")
                            : Map.of(APPLICANT_NAME, applicant, POSTAL_ADDRESS, "г. Демо, ул. Лесная, 1", RECEIVED_DATE, "2026-11-01"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private ProcessInstance registered(String applicant) {
        ProcessInstance instance = startAtOffice(applicant);
        complete(task(instance));
        return instance;
    }

    private ProcessInstance onTheMerits() {
        ProcessInstance instance = registered("Иванов Иван Иванович");
        complete(task(instance), withVariables(REVIEW_DECISION, "consider"));
        assertThat(instance).hasPassed("Task_SetAnswerTerm").isWaitingAt("CallActivity_ConsiderAppeal",
                "TimerEvent_ReminderDue", "TimerEvent_EscalationDue", "TimerEvent_TermPassed");
        return instance;
    }

    private Task taskAt(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
    }

    private void fire(ProcessInstance instance, String activityId) {
        Job timer = timer(instance, activityId);
        ClockUtil.setCurrentTime(timer.getDuedate());
        engine.getManagementService().executeJob(timer.getId());
    }

    static Date at(int year, int month, int day, int hour) {
        return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(ru.msed.calendar.TestCalendars.ZONE).toInstant());
    }
}
