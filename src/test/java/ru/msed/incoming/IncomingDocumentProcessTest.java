package ru.msed.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static ru.msed.ProcessDriver.resolution;
import static ru.msed.ProcessDriver.validCard;

import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.calendar.RussianDates;
import ru.msed.document.Document;
import ru.msed.document.DocumentService;
import ru.msed.document.DocumentStatus;
import ru.msed.execution.ExecutionService;
import ru.msed.resolution.Resolution;
import ru.msed.resolution.ResolutionService;
import ru.msed.resolution.ResolutionStatus;
import ru.msed.web.UserInputException;

/** Every path of processes/incoming-document.bpmn, on the real services and PostgreSQL. */
@MsedIntegrationTest
class IncomingDocumentProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    DocumentService documents;
    @Autowired
    ResolutionService resolutions;
    @Autowired
    ExecutionService executions;
    @Autowired
    ru.msed.calendar.WorkingDays workingDays;
    @Autowired
    java.time.Clock clock;
    @Autowired
    ru.msed.ExchangeDriver exchange;
    @Autowired
    ru.msed.SecondOrganization second;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    @Test
    void registersTheCardWithTheNextJournalNumberAndRoutesItToTheOffice() {
        ProcessInstance instance = driver.startRegistration();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_FillRegistrationCard");
        BpmnAwareTests.assertThat(task(instance)).isAssignedTo("registrar");

        driver.complete(driver.task(instance, "Task_FillRegistrationCard"), "registrar", validCard());

        BpmnAwareTests.assertThat(instance).hasPassed("Task_RegisterDocument", "Task_DetermineConsideration")
                .isWaitingAt("CallActivity_ConsiderDocument", "Task_StampNumber");
        ProcessInstance consideration = driver.consideration(instance);
        BpmnAwareTests.assertThat(consideration).isWaitingAt("Task_DraftResolution");
        assertThat(consideration.getBusinessKey()).isEqualTo(Long.toString(driver.documentId(instance)));
        BpmnAwareTests.assertThat(task(consideration)).hasCandidateGroup("dept-office");
        Document document = documents.document(driver.documentId(instance));
        assertThat(document.getStatus()).isEqualTo(DocumentStatus.REGISTERED);
        assertThat(document.getRegistrationNumber())
                .matches("Вх-\\d+/" + String.format("%02d", Year.now().getValue() % 100));
        assertThat(document.getRegistrationDate()).isEqualTo(LocalDate.now(clock));
        assertThat(task(consideration).getName()).contains(document.getRegistrationNumber()).contains("О предоставлении сведений");
        // Meanwhile the registrar sees the new number at once: their next task, in Tasklist's notice and list.
        BpmnAwareTests.assertThat(task("Task_StampNumber", instance)).isAssignedTo("registrar");
        assertThat(task("Task_StampNumber", instance).getName()).contains(document.getRegistrationNumber());
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "registrationDate"))
                .isEqualTo(RussianDates.format(document.getRegistrationDate()));
        // Stamping does not hold up the resolution.
        driver.complete(task("Task_StampNumber", instance), "registrar", Map.of());
        BpmnAwareTests.assertThat(instance).hasPassed("EndEvent_NumberStamped").isWaitingAt("CallActivity_ConsiderDocument");
        BpmnAwareTests.assertThat(consideration).isWaitingAt("Task_DraftResolution");
    }

    @Test
    void routesCitizensQuestionsToTheAppealsDepartmentByTheDecisionTable() {
        ProcessInstance instance = driver.startRegistration();
        Map<String, Object> card = validCard();
        card.put("topic", "CITIZENS");
        driver.complete(driver.task(instance, "Task_FillRegistrationCard"), "registrar", card);

        BpmnAwareTests.assertThat(task(driver.consideration(instance))).hasDefinitionKey("Task_DraftResolution")
                .hasCandidateGroup("dept-appeals");
    }

    @Test
    void rejectsAnInvalidCardWithRussianMessagesAndSavesNothing() {
        ProcessInstance instance = driver.startRegistration();
        Task fill = driver.task(instance, "Task_FillRegistrationCard");
        Map<String, Object> card = validCard();
        card.remove("summary");
        card.put("receivedDate", LocalDate.now().plusDays(3).toString());
        card.put("sheetCount", 0);

        assertThatThrownBy(() -> driver.complete(fill, "registrar", card))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("Заполните краткое содержание")
                .hasMessageContaining("Дата поступления не может быть позже сегодняшней")
                .hasMessageContaining("Количество листов должно быть не меньше 1");

        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_FillRegistrationCard");
        Document document = documents.document(driver.documentId(instance));
        assertThat(document.getStatus()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(document.getRegistrationNumber()).isNull();
    }

    @Test
    void rejectsADraftWithAnUnknownExecutorOrAPastDeadline() {
        ProcessInstance instance = driver.registered();
        // The drop-downs offer the organization's executors (other tests add some), and no one else.
        org.camunda.spin.json.SpinJsonNode options = (org.camunda.spin.json.SpinJsonNode) engine.getRuntimeService()
                .getVariable(driver.consideration(instance).getId(), "executorOptions");
        assertThat(options.elements().stream().map(option -> option.prop("value").stringValue()).toList())
                .contains("executor1", "executor2", "executor3")
                .doesNotContain("manager", "controller", "assistant", "registrar");
        // The controller is staff of the organization, but not in the executors' role.
        Map<String, Object> draft = resolution("nobody", List.of("executor2", "controller"), true);
        draft.put("deadline", LocalDate.now().minusDays(1).toString());

        assertThatThrownBy(() -> driver.complete(driver.task(instance, "Task_DraftResolution"), "assistant", draft))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("Ответственный исполнитель «nobody» не найден")
                .hasMessageContaining("Соисполнитель «controller» не найден")
                .hasMessageNotContaining("«executor2»")
                .hasMessageContaining("Срок исполнения не может быть в прошлом");
        BpmnAwareTests.assertThat(driver.consideration(instance)).isWaitingAt("Task_DraftResolution");
        assertThat(resolutions.ofDocument(driver.documentId(instance))).isEmpty();
    }

    @Test
    void returnsTheDraftToTheAssistantWithTheManagersComment() {
        ProcessInstance instance = driver.registered();
        driver.complete(driver.task(instance, "Task_DraftResolution"), "assistant",
                resolution("executor1", List.of(), true));

        driver.complete(driver.task(instance, "Task_ReviewResolution"), "manager",
                Map.of("managerDecision", "return", "managerComment", "Добавьте юриста в соисполнители"));

        BpmnAwareTests.assertThat(driver.consideration(instance)).hasPassed("Task_ReturnResolution").isWaitingAt("Task_DraftResolution");
        Resolution returned = resolutions.ofDocument(driver.documentId(instance)).get(0);
        assertThat(returned.getStatus()).isEqualTo(ResolutionStatus.RETURNED);
        assertThat(returned.getManagerComment()).isEqualTo("Добавьте юриста в соисполнители");

        driver.complete(driver.task(instance, "Task_DraftResolution"), "assistant",
                resolution("executor1", List.of("executor3"), true));
        driver.complete(driver.task(instance, "Task_ReviewResolution"), "manager", Map.of("managerDecision", "approve"));

        BpmnAwareTests.assertThat(driver.consideration(instance)).isWaitingAt("Task_ExecuteAssignment");
        assertThat(resolutions.ofDocument(driver.documentId(instance))).singleElement()
                .satisfies(r -> assertThat(r.getCoExecutors()).containsExactly("executor3"));
    }

    @Test
    void returningWithoutACommentIsRefused() {
        ProcessInstance instance = driver.registered();
        driver.complete(driver.task(instance, "Task_DraftResolution"), "assistant", resolution("executor1", List.of(), true));

        assertThatThrownBy(() -> driver.complete(driver.task(instance, "Task_ReviewResolution"), "manager",
                Map.of("managerDecision", "return")))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("Укажите, что нужно исправить");
        BpmnAwareTests.assertThat(driver.consideration(instance)).isWaitingAt("Task_ReviewResolution");
    }

    @Test
    void managerEditsTheDraftWhileApprovingIt() {
        ProcessInstance instance = driver.registered();
        driver.complete(driver.task(instance, "Task_DraftResolution"), "assistant", resolution("executor1", List.of(), true));
        Map<String, Object> edited = new HashMap<>(resolution("executor2", List.of("executor1"), true));
        edited.put("resolutionText", "Подготовить ответ за моей подписью");
        edited.put("managerDecision", "approve");

        driver.complete(driver.task(instance, "Task_ReviewResolution"), "manager", edited);

        Resolution approved = resolutions.ofDocument(driver.documentId(instance)).get(0);
        assertThat(approved.getStatus()).isEqualTo(ResolutionStatus.APPROVED);
        assertThat(approved.getText()).isEqualTo("Подготовить ответ за моей подписью");
        assertThat(approved.getResponsibleExecutor()).isEqualTo("executor2");
        assertThat(approved.getApprovedBy()).isEqualTo("manager");
        assertThat(driver.taskOf(instance, "Task_ExecuteAssignment", "executor2")).isNotNull();
        assertThat(driver.taskOf(instance, "Task_ExecuteAssignment", "executor1")).isNotNull();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(driver.considerationId(instance))
                .variableName("responsibleExecutor").singleResult().getValue()).isEqualTo("executor2");
    }

    @Test
    void givesEachExecutorATaskDueOnTheDeadlineAndEndsWithTheResponsibleReport() {
        ProcessInstance instance = driver.onExecution("executor1", List.of("executor2", "executor3"), true);

        ProcessInstance consideration = driver.consideration(instance);
        List<Task> assignments = engine.getTaskService().createTaskQuery().processInstanceId(consideration.getId())
                .taskDefinitionKey("Task_ExecuteAssignment").list();
        assertThat(assignments).extracting(Task::getAssignee)
                .contains("executor1", "executor2", "executor3")
                .doesNotContain("manager", "controller", "assistant", "registrar");
        // The deadline is moved to the previous working day if it falls on a weekend or holiday.
        LocalDate deadline = workingDays.onOrBefore(LocalDate.now().plusDays(10));
        assertThat(assignments).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(workingDays.endOf(deadline)));

        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor2"), "executor2",
                Map.of("reportText", "Сведения по финансовой части приложены"));
        BpmnAwareTests.assertThat(consideration).isWaitingAt("Task_ExecuteAssignment");
        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor1"), "executor1",
                Map.of("reportText", "Ответ подготовлен, исх. № 15-2/881"));

        // The responsible report ends the assignment: executor3's task is closed, the controller takes over.
        BpmnAwareTests.assertThat(consideration).isWaitingAt("Task_ControlReport");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(consideration.getId())
                .taskDefinitionKey("Task_ExecuteAssignment").count()).isZero();
        BpmnAwareTests.assertThat(task(consideration)).hasCandidateGroup("controller");
        long resolutionId = resolutions.ofDocument(driver.documentId(instance)).get(0).getId();
        var reports = executions.reportsOf(executions.assignmentsOf(resolutionId));
        assertThat(reports).extracting(r -> r.getKind().name() + ":" + r.getAuthor())
                .containsExactly("CONTRIBUTION:executor2", "REPORT:executor1");
    }

    @Test
    void controllerReturnsTheReportAndTheResponsibleExecutorReworksIt() {
        ProcessInstance instance = driver.onExecution("executor1", List.of(), true);
        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor1"), "executor1",
                Map.of("reportText", "Исполнено"));

        driver.complete(driver.task(instance, "Task_ControlReport"), "controller",
                Map.of("controllerDecision", "return", "controllerComment", "Приложите копию ответа"));

        ProcessInstance consideration = driver.consideration(instance);
        BpmnAwareTests.assertThat(consideration).isWaitingAt("Task_ReworkReport");
        BpmnAwareTests.assertThat(task(consideration)).isAssignedTo("executor1");
        assertThat(engine.getRuntimeService().getVariable(consideration.getId(), "controllerComment"))
                .isEqualTo("Приложите копию ответа");

        driver.complete(driver.task(instance, "Task_ReworkReport"), "executor1",
                Map.of("reportText", "Исполнено, копия ответа исх. № 15-2/881 приложена"));
        BpmnAwareTests.assertThat(consideration).isWaitingAt("Task_ControlReport");
        driver.complete(driver.task(instance, "Task_ControlReport"), "controller", Map.of("controllerDecision", "accept"));

        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CloseDocument");
        assertThat(documents.document(driver.documentId(instance)).getStatus()).isEqualTo(DocumentStatus.EXECUTED);
    }

    @Test
    void returningAReportWithoutACommentIsRefused() {
        ProcessInstance instance = driver.onExecution("executor1", List.of(), true);
        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor1"), "executor1",
                Map.of("reportText", "Исполнено"));

        assertThatThrownBy(() -> driver.complete(driver.task(instance, "Task_ControlReport"), "controller",
                Map.of("controllerDecision", "return")))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("исполнитель увидит этот комментарий");
    }

    @Test
    void assignmentNotOnControlGoesStraightToClosingAndTheCardKeepsTheWholeHistory() {
        ProcessInstance instance = driver.onExecution("executor3", List.of(), false);
        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor3"), "executor3",
                Map.of("reportText", "Правовая позиция направлена"));

        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CloseDocument");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(driver.considerationId(instance)).activityId("Task_ControlReport").count()).isZero();
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("registrar");

        assertThatThrownBy(() -> driver.complete(driver.task(instance, "Task_CloseDocument"), "registrar",
                Map.of("executionMark", "Исполнено")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("в дело №");

        driver.complete(driver.task(instance, "Task_CloseDocument"), "registrar",
                Map.of("executionMark", "Ответ направлен исх. № 15-2/881 от " + LocalDate.now(), "fileReference", "01-12"));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_DocumentClosed");
        Document closed = documents.document(driver.documentId(instance));
        assertThat(closed.getStatus()).isEqualTo(DocumentStatus.CLOSED);
        assertThat(closed.getFileReference()).isEqualTo("01-12");
        assertThat(closed.getClosedAt()).isNotNull();
    }

    @Test
    void closingTheDocumentEndsTheRegulationEvenIfTheNumberWasNeverStamped() {
        ProcessInstance instance = driver.startRegistration();
        driver.complete(driver.task(instance, "Task_FillRegistrationCard"), "registrar", validCard());
        driver.complete(driver.task(instance, "Task_DraftResolution"), "assistant", resolution("executor3", List.of(), false));
        driver.complete(driver.task(instance, "Task_ReviewResolution"), "manager", Map.of("managerDecision", "approve"));
        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor3"), "executor3",
                Map.of("reportText", "Исполнено"));
        driver.complete(driver.task(instance, "Task_CloseDocument"), "registrar",
                Map.of("executionMark", "Исполнено", "fileReference", "01-12"));

        BpmnAwareTests.assertThat(instance).isEnded().hasNotPassed("EndEvent_NumberStamped");
    }

    @Test
    void fullLifecycleOnControlEndsClosed() {
        ProcessInstance instance = driver.onExecution("executor1", List.of("executor2"), true);
        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor1"), "executor1",
                Map.of("reportText", "Исполнено"));
        driver.complete(driver.task(instance, "Task_ControlReport"), "controller", Map.of("controllerDecision", "accept"));
        driver.complete(driver.task(instance, "Task_CloseDocument"), "registrar",
                Map.of("executionMark", "Исполнено", "fileReference", "01-12"));

        BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(documents.document(driver.documentId(instance)).getStatus()).isEqualTo(DocumentStatus.CLOSED);
    }

    @Test
    void aDocumentArrivingFromAnotherOrganizationIsRegisteredFromItsPrefilledCardAndEachStepQueuesANotification() {
        second.ensure();
        ProcessInstance sent = exchange.sent(ru.msed.ExchangeDriver.ALT, List.of("DEMO"), null);
        exchange.deliver(sent);
        ProcessInstance instance = exchange.arrival(exchange.packageId(sent, "DEMO"));
        BpmnAwareTests.assertThat(instance).hasPassed("Task_CreateCard", "Task_RecordArrival").isWaitingAt("Task_ConsiderArrival");
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("registrar").isNotAssigned();
        long documentId = driver.documentId(instance);

        // The registrar may correct the prefilled card; the server checks it as for any registration.
        assertThatThrownBy(() -> driver.complete(task(instance), "registrar", Map.of("arrivalDecision", "register")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Количество листов");
        driver.complete(task(instance), "registrar", Map.of("arrivalDecision", "register", "sheetCount", 1, "topic", "FINANCE"));
        BpmnAwareTests.assertThat(instance).hasPassed("Task_RegisterDocument", "Task_NotifyRegistered")
                .isWaitingAt("CallActivity_ConsiderDocument", "Task_StampNumber");
        driver.complete(driver.task(instance, "Task_StampNumber"), "registrar", Map.of());
        driver.complete(driver.task(instance, "Task_DraftResolution"), "assistant", resolution("executor1", List.of("executor2"), false));
        driver.complete(driver.task(instance, "Task_ReviewResolution"), "manager", Map.of("managerDecision", "approve"));
        assertThat(driver.taskOf(instance, "Task_ExecuteAssignment", "executor2")).as("a co-executor starts at once").isNotNull();
        driver.complete(driver.taskOf(instance, "Task_AcceptAssignment", "executor1"), "executor1", Map.of());
        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor1"), "executor1", Map.of("reportText", "Исполнено"));
        BpmnAwareTests.assertThat(instance).hasPassed("Task_NotifyReportSent").isWaitingAt("Task_CloseDocument");
        // The consideration the registration called told the sender of the assignment and its acceptance.
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(driver.considerationId(instance))
                .activityId("Task_NotifyExecutorAssigned").count()).isEqualTo(1);

        assertThat(jdbc.queryForList("""
                SELECT n.kind FROM exchange_notice n JOIN exchange_package p ON p.id = n.package_id
                WHERE p.recipient_document_id = ? ORDER BY n.id""", String.class, documentId))
                .containsExactly("REGISTERED", "EXECUTOR_ASSIGNED", "ACCEPTED_FOR_EXECUTION", "REPORT_SENT");
    }

    @Test
    void aRegistrationByHandQueuesNoNotification() {
        ProcessInstance instance = driver.registered();
        long documentId = driver.documentId(instance);
        BpmnAwareTests.assertThat(instance).hasNotPassed("Task_NotifyRegistered", "Task_RecordArrival");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "arrivedByExchange")).isEqualTo(false);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange_package WHERE recipient_document_id = ?", Long.class,
                documentId)).isZero();
    }
}
