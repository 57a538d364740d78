package ru.msed.demo;

import static ru.msed.incoming.IncomingDocumentVariables.ASSIGNMENT_DUE_DATE;
import static ru.msed.incoming.IncomingDocumentVariables.DEADLINE;
import static ru.msed.incoming.IncomingDocumentVariables.DEADLINE_TEXT;
import static ru.msed.incoming.IncomingDocumentVariables.DEADLINE_TIMER;
import static ru.msed.incoming.IncomingDocumentVariables.RESOLUTION_ID;
import static ru.msed.incoming.IncomingDocumentVariables.TASK_EXECUTE_ASSIGNMENT;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.msed.calendar.RussianDates;
import ru.msed.calendar.WorkingDays;
import ru.msed.document.AttachmentService;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentService;
import ru.msed.document.DocumentStatus;
import ru.msed.execution.ExecutionService;
import ru.msed.resolution.ResolutionService;

/**
 * Work in progress for the demo organization, so every folder and the controllers' Cockpit page show
 * real rows right after the first start: documents taken through the regulations by the demo users
 * (the same engine calls Tasklist makes), some with a deadline set in the past so that the overdue
 * timer has fired, one closed late, one soon due, an extension request, outgoing drafts on visa and
 * on signature. Runs once, on an organization without documents; never in prod.
 */
@Component
@Order(11)
@ConditionalOnExpression("${msed.demo.enabled:false} and ${msed.demo.work:true}")
class DemoWork implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWork.class);
    private static final String INCOMING = "incoming-document";
    private static final String OUTGOING = "outgoing-document";

    private final ProcessEngine engine;
    private final WorkingDays workingDays;
    private final ResolutionService resolutions;
    private final ExecutionService executions;
    private final DocumentService documents;
    private final AttachmentService attachments;
    private final Clock clock;

    DemoWork(ProcessEngine engine, WorkingDays workingDays, ResolutionService resolutions, ExecutionService executions,
            DocumentService documents, AttachmentService attachments, Clock clock) {
        this.engine = engine;
        this.workingDays = workingDays;
        this.resolutions = resolutions;
        this.executions = executions;
        this.documents = documents;
        this.attachments = attachments;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (engine.getHistoryService().createHistoricProcessInstanceQuery().tenantIdIn(DemoData.ORGANIZATION_CODE)
                .count() > 0) {
            return;
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);

        // «Входящие документы» (registrar) and «На рассмотрение» (assistant): just registered.
        registered("Администрация Заречного района", "О ремонте автомобильной дороги Заречье — Луговое");
        // «На рассмотрение» (manager): a draft resolution to approve.
        String review = registered("Министерство финансов Демонстрационной области",
                "О распределении субсидий на цифровизацию муниципальных образований");
        stamp(review);
        draft(review, "Подготовить предложения по распределению субсидий", "executor2", List.of(), future(10), true);
        // «На исполнение»: soon due (the reminder is already up), with a co-executor.
        String soon = onExecution("Правительство Демонстрационной области", "О подготовке доклада о ходе реализации программы",
                "Подготовить доклад о ходе реализации программы", "executor1", List.of("executor2"), workingDays.addDays(today, 1),
                true);
        complete(soon, TASK_EXECUTE_ASSIGNMENT, "executor2", Map.of("reportText",
                "Сведения по финансированию за 9 месяцев направлены ответственному исполнителю."));
        // «На рассмотрение» (manager): an executor asks to move the deadline.
        String extension = onExecution("Контрольно-счётная палата Демонстрационной области", "О представлении информации по запросу",
                "Представить запрошенную информацию", "executor2", List.of(), future(8), true);
        complete(extension, TASK_EXECUTE_ASSIGNMENT, "executor2", Map.of("executorAction", "extension",
                "extensionReason", "Сведения ещё не поступили от подведомственных учреждений.",
                "requestedDeadline", workingDays.addDays(today, 15).toString()));
        // Overdue: the deadline passed, the timer has fired — «Просроченные», «На контроле», Cockpit.
        String overdue = onExecution("Управление Роскомнадзора по Демонстрационной области", "О проверке обработки персональных данных",
                "Подготовить ответ с описанием принятых мер", "executor1", List.of("executor3"), future(5), true);
        backdate(overdue, workingDays.addDays(today, -5));
        String overdueToo = onExecution("Прокуратура Демонстрационной области", "О предоставлении сведений о закупках",
                "Направить сведения о закупках за 2026 год", "executor3", List.of(), future(5), true);
        backdate(overdueToo, workingDays.addDays(today, -2));
        // «На контроле»: a report to check.
        String control = onExecution("Администрация городского округа Демо", "О благоустройстве территорий",
                "Подготовить сведения о благоустройстве", "executor1", List.of(), future(7), true);
        complete(control, TASK_EXECUTE_ASSIGNMENT, "executor1", Map.of("reportText",
                "Сведения подготовлены и направлены письмом от " + RussianDates.format(today) + "."));
        // Closed late, and waiting in «Входящие документы» to go to the case file.
        String late = onExecution("Министерство образования Демонстрационной области", "О проведении совещания",
                "Обеспечить участие в совещании", "executor3", List.of(), future(5), false);
        backdate(late, workingDays.addDays(today, -3));
        complete(late, TASK_EXECUTE_ASSIGNMENT, "executor3", Map.of("reportText",
                "Участие обеспечено, протокол совещания получен."));
        // «На согласование» (executor2) and «На подпись» (manager): outgoing drafts.
        outgoing("executor1", "О направлении сведений об исполнении программы", "executor2; controller");
        String signing = outgoing("executor3", "Ответ на запрос о закупках", "executor2");
        complete(signing, "Task_GiveVisa", "executor2", Map.of("visaDecision", "approve"));
        log.info("Demo work in progress created in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private LocalDate future(int workingDaysAhead) {
        return workingDays.addDays(LocalDate.now(clock), workingDaysAhead);
    }

    private String registered(String correspondent, String summary) {
        String instance = as("registrar", () -> engine.getRuntimeService().startProcessInstanceByKey(INCOMING).getId());
        Map<String, Object> card = new HashMap<>();
        card.put("receivedDate", LocalDate.now(clock).toString());
        card.put("deliveryMethod", "MEDO");
        card.put("correspondent", correspondent);
        card.put("correspondentNumber", "01-" + (10 + Math.abs(summary.hashCode() % 80)) + "/" + (100 + Math.abs(correspondent.hashCode() % 900)));
        card.put("correspondentDate", workingDays.addDays(LocalDate.now(clock), -2).toString());
        card.put("signatory", "Руководитель");
        card.put("addressee", "Петров С. Н.");
        card.put("summary", summary);
        card.put("sheetCount", 2);
        card.put("accessLevel", "GENERAL");
        card.put("topic", "GENERAL");
        complete(instance, "Task_FillRegistrationCard", "registrar", card);
        return instance;
    }

    private void stamp(String instance) {
        complete(instance, "Task_StampNumber", "registrar", Map.of());
    }

    private void draft(String instance, String text, String responsible, List<String> coExecutors, LocalDate deadline,
            boolean onControl) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("resolutionText", text);
        draft.put("responsibleExecutor", responsible);
        draft.put("coExecutors", String.join(",", coExecutors));
        draft.put("deadline", deadline.toString());
        draft.put("onControl", onControl);
        complete(instance, "Task_DraftResolution", "assistant", draft);
    }

    private String onExecution(String correspondent, String summary, String text, String responsible, List<String> coExecutors,
            LocalDate deadline, boolean onControl) {
        String instance = registered(correspondent, summary);
        stamp(instance);
        draft(instance, text, responsible, coExecutors, deadline, onControl);
        complete(instance, "Task_ReviewResolution", "manager", Map.of("managerDecision", "approve"));
        return instance;
    }

    /**
     * Sets the resolution's deadline in the past — everywhere an approved extension moves it — and
     * fires the deadline timer, now due, as the job executor would at start.
     */
    private void backdate(String instance, LocalDate deadline) {
        var runtime = engine.getRuntimeService();
        long resolutionId = ((Number) runtime.getVariable(instance, RESOLUTION_ID)).longValue();
        long documentId = Long.parseLong(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance).singleResult().getBusinessKey());
        resolutions.moveDeadline(resolutionId, deadline);
        executions.moveDueDates(resolutionId, deadline);
        documents.moveTo(documentId, DocumentStatus.ON_EXECUTION, "system", DocumentAction.EXTENSION_APPROVED,
                "Демонстрационные данные: срок исполнения установлен " + RussianDates.format(deadline)
                        + ", чтобы показать просрочку.");
        Date due = workingDays.endOf(deadline);
        runtime.setVariable(instance, ASSIGNMENT_DUE_DATE, due);
        runtime.setVariable(instance, DEADLINE, deadline.toString());
        runtime.setVariable(instance, DEADLINE_TEXT, RussianDates.format(deadline));
        for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(TASK_EXECUTE_ASSIGNMENT).list()) {
            engine.getTaskService().setDueDate(task.getId(), due);
            engine.getTaskService().setFollowUpDate(task.getId(), workingDays.before(due, 2));
        }
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance).activityId(DEADLINE_TIMER)
                .singleResult();
        engine.getManagementService().setJobDuedate(timer.getId(), due);
        engine.getManagementService().executeJob(timer.getId());
    }

    private String outgoing(String author, String summary, String route) {
        String instance = as(author, () -> engine.getRuntimeService().startProcessInstanceByKey(OUTGOING).getId());
        long documentId = Long.parseLong(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance)
                .singleResult().getBusinessKey());
        attachments.add(documentId, "проект-письма.txt", "text/plain",
                ("Проект письма «" + summary + "».").getBytes(StandardCharsets.UTF_8), author);
        complete(instance, "Task_PrepareDraft", author, Map.of("summary", summary,
                "addressees", "Правительство Демонстрационной области", "signatoryUser", "manager", "approvalRoute", route));
        return instance;
    }

    /** Completes the task of that step assigned to the user, or one waiting in their groups. */
    private void complete(String instance, String taskKey, String user, Map<String, Object> variables) {
        List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey)
                .list();
        Task task = open.stream().filter(t -> user.equals(t.getAssignee())).findFirst()
                .or(() -> open.stream().filter(t -> t.getAssignee() == null).findFirst())
                .orElseThrow(() -> new IllegalStateException("No " + taskKey + " for " + user + " in " + instance));
        as(user, () -> {
            engine.getTaskService().complete(task.getId(), variables);
            return null;
        });
    }

    private <T> T as(String userId, Supplier<T> action) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identity.setAuthentication(userId, groups, List.of(DemoData.ORGANIZATION_CODE));
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
