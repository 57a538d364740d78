package ru.msed.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.msed.appeal.CitizenAppealVariables.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.SecondOrganization;
import ru.msed.document.AttachmentService;
import ru.msed.document.Document;
import ru.msed.document.DocumentHistory;
import ru.msed.document.DocumentService;
import ru.msed.document.DocumentStatus;
import ru.msed.notification.Notification;
import ru.msed.notification.Notifications;
import ru.msed.signature.SignatureService;
import ru.msed.web.UserInputException;

/** Every path of processes/citizen-appeal.bpmn on the real services and PostgreSQL, as the demo users walk them. */
@MsedIntegrationTest
class CitizenAppealProcessTest {

    static final String TOPIC_HEATING = "0005.0005.0056.1153";

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    Appeals appeals;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentHistory history;
    @Autowired
    Notifications notifications;
    @Autowired
    AttachmentService attachments;
    @Autowired
    SignatureService signatures;
    @Autowired
    SecondOrganization second;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anAppealIsRegisteredConsideredAnsweredThroughTheOutgoingRouteAndClosedWithItsResult() {
        String email = unique() + "@example.org";
        ProcessInstance instance = registeredAtOffice("Иванов Иван Иванович", "г. Демо, ул. Лесная, д. 1", email,
                "STATEMENT", null);
        long id = driver.documentId(instance);
        Document card = documents.document(id);
        assertThat(card.getKind().name()).isEqualTo("APPEAL");
        assertThat(card.getRegistrationNumber()).startsWith("ОГ-");
        assertThat(notifications.to(email)).singleElement().satisfies(n -> {
            assertThat(n.getSubject()).isEqualTo("Ваше обращение зарегистрировано");
            assertThat(n.getBody()).contains(card.getRegistrationNumber());
        });

        review(instance, Map.of(REVIEW_DECISION, "consider"));
        Appeal appeal = appeals.appeal(id);
        assertThat(appeal.getAnswerDue()).isEqualTo(TestTerms.daysFrom(LocalDate.now(), 30));
        ProcessInstance consideration = called(instance, "document-consideration");
        assertThat(engine.getRuntimeService().getVariable(consideration.getId(), "deadline"))
                .isEqualTo(TestTerms.daysFrom(LocalDate.now(), 25).toString());
        Task draft = driver.task(instance, "Task_DraftResolution");
        BpmnAwareTests.assertThat(draft).hasCandidateGroup("dept-appeals");
        Map<String, Object> resolution = ProcessDriver.resolution("executor1", List.of(), false);
        resolution.put("deadline", TestTerms.daysFrom(LocalDate.now(), 25).toString());
        driver.complete(draft, "assistant", resolution);
        driver.complete(driver.task(instance, "Task_ReviewResolution"), "manager", Map.of("managerDecision", "approve"));
        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor1"), "executor1",
                Map.of("reportText", "Проект ответа подготовлен"));

        // The answer: drafted by the responsible executor through the outgoing route, signed, registered.
        BpmnAwareTests.assertThat(instance).isWaitingAt("CallActivity_DraftAnswer");
        Job start = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("CallActivity_DraftAnswer").singleResult();
        engine.getManagementService().executeJob(start.getId());
        ProcessInstance answer = called(instance, "outgoing-document");
        long answerId = driver.documentId(answer);
        Task prepare = driver.task(answer, "Task_PrepareDraft");
        assertThat(prepare.getAssignee()).isEqualTo("executor1");
        assertThat(engine.getRuntimeService().getVariable(answer.getId(), "addressees"))
                .isEqualTo("Иванов Иван Иванович, г. Демо, ул. Лесная, д. 1");
        driver.as("executor1", () -> attachments.add(answerId, "otvet.pdf", "application/pdf",
                "Ответ заявителю".getBytes(StandardCharsets.UTF_8), "executor1"));
        driver.complete(prepare, "executor1", Map.of("summary", engine.getRuntimeService().getVariable(answer.getId(), "summary"),
                "addressees", "Иванов Иван Иванович, г. Демо, ул. Лесная, д. 1", "signatoryUser", "manager",
                "approvalRoute", "executor2"));
        driver.complete(driver.task(answer, "Task_GiveVisa"), "executor2", Map.of("visaDecision", "approve"));
        driver.as("manager", () -> signatures.signSimple(answerId, "manager", "demo"));
        driver.complete(driver.task(answer, "Task_SignDocument"), "manager", Map.of("signed", true));

        BpmnAwareTests.assertThat(instance).hasPassed("Task_RecordAnswer").isWaitingAt("Task_CloseAppeal");
        Document answerCard = documents.document(answerId);
        assertThat(answerCard.getRegistrationNumber()).startsWith("Исх-");
        assertThat(answerCard.getAccessLevel().name()).isEqualTo("DSP");
        assertThat(notifications.to(email)).extracting(Notification::getBody)
                .anyMatch(body -> body.contains(answerCard.getRegistrationNumber()));

        assertThatThrownBy(() -> driver.complete(driver.task(instance, "Task_CloseAppeal"), "registrar",
                Map.of(APPEAL_RESULT, "FORWARDED", FILE_REFERENCE, "02-ОГ")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Выберите результат рассмотрения");
        driver.complete(driver.task(instance, "Task_CloseAppeal"), "registrar",
                Map.of(APPEAL_RESULT, "EXPLAINED", FILE_REFERENCE, "02-ОГ"));

        BpmnAwareTests.assertThat(instance).isEnded();
        Document closed = documents.document(id);
        assertThat(closed.getStatus()).isEqualTo(DocumentStatus.CLOSED);
        assertThat(closed.getExecutionMark()).isEqualTo("разъяснено. Ответ № " + answerCard.getRegistrationNumber() + " от "
                + Appeals.DATE.format(answerCard.getRegistrationDate()));
        Appeal done = appeals.appeal(id);
        assertThat(done.getResult()).isEqualTo(AppealResult.EXPLAINED);
        assertThat(done.getAnswerNumber()).isEqualTo(answerCard.getRegistrationNumber());
        assertThat(done.getResponsibleExecutor()).isEqualTo("executor1");
        assertThat(done.isTermViolated()).isFalse();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aRepeatedAppealIsLinkedToTheApplicantsEarlierOnesFoundByNameAndAddress() {
        String name = "Семёнов " + unique() + " Петрович";
        ProcessInstance first = registeredAtOffice(name, "г. Демо, ул. Садовая, 5", null, "STATEMENT", null);
        long firstId = driver.documentId(first);

        ProcessInstance second = driver.as("registrar", () -> engine.getFormService().submitStartForm(definitionId(),
                start(name.toUpperCase().replace("Ё", "Е"), "г. Демо,  ул. Садовая 5", null)));
        Object offered = engine.getRuntimeService().getVariable(second.getId(), EARLIER_APPEALS);
        assertThat(offered.toString()).contains(Long.toString(firstId)).contains(documents.document(firstId).getRegistrationNumber());
        assertThat(engine.getRuntimeService().getVariable(second.getId(), REPEATED)).isEqualTo(true);

        Map<String, Object> card = card(name, "г. Демо, ул. Садовая, 5", null, "STATEMENT", null);
        card.put(LINKED_APPEALS, "[\"" + firstId + "\"]");
        driver.complete(driver.task(second, "Task_RegisterAppeal"), "registrar", card);
        Appeal repeated = appeals.appeal(driver.documentId(second));
        assertThat(repeated.isRepeated()).isTrue();
        assertThat(repeated.getEarlierAppeals()).containsExactly(firstId);

        // A forged link to somebody else's appeal is refused.
        ProcessInstance third = driver.as("registrar", () -> engine.getFormService().submitStartForm(definitionId(),
                start("Другой Заявитель " + unique(), "г. Демо", null)));
        Map<String, Object> forged = card("Другой Заявитель", "г. Демо", null, "STATEMENT", null);
        forged.put(LINKED_APPEALS, "[\"" + firstId + "\"]");
        assertThatThrownBy(() -> driver.complete(driver.task(third, "Task_RegisterAppeal"), "registrar", forged))
                .isInstanceOf(UserInputException.class).hasMessageContaining("не является прежним обращением");
    }

    @Test
    void aComplaintIsNeverForwardedToTheBodyItComplainsAboutAndForwardingEndsItWithANotice() {
        String email = unique() + "@example.org";
        ProcessInstance instance = registeredAtOffice("Фёдоров Фёдор", "г. Демо, пр. Мира, 3", email, "COMPLAINT", "HEALTH");
        Object offered = engine.getRuntimeService().getVariable(instance.getId(), FORWARD_OPTIONS);
        assertThat(offered.toString()).doesNotContain("\"HEALTH\"").contains("\"CONSUMER\"");

        assertThatThrownBy(() -> review(instance, Map.of(REVIEW_DECISION, "forward", FORWARD_TO, "HEALTH")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("решение или действие которого обжалуется");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ReviewAppeal");

        review(instance, Map.of(REVIEW_DECISION, "forward", FORWARD_TO, "CONSUMER", REVIEW_NOTE, "Вопрос о качестве услуг"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_AppealForwarded");
        long id = driver.documentId(instance);
        assertThat(appeals.appeal(id).getResult()).isEqualTo(AppealResult.FORWARDED);
        assertThat(appeals.appeal(id).getForwardedTo()).isEqualTo("CONSUMER");
        assertThat(documents.document(id).getStatus()).isEqualTo(DocumentStatus.CLOSED);
        assertThat(notifications.to("appeals@consumer.demo.example")).extracting(Notification::getSubject)
                .anyMatch(subject -> subject.contains(documents.document(id).getRegistrationNumber()));
        assertThat(notifications.to(email)).extracting(Notification::getSubject)
                .contains("Ваше обращение направлено по компетенции");
    }

    @Test
    void forwardingToAnOrganizationOfTheSystemDeliversTheAppealThereForRegistration() {
        second.ensure();
        ProcessInstance instance = registeredAtOffice("Кириллов Кирилл " + unique(), "г. Демо, ул. Новая, 8", null,
                "PROPOSAL", null);
        review(instance, Map.of(REVIEW_DECISION, "forward", FORWARD_TO, "ALT"));
        ProcessInstance delivered = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .tenantIdIn("ALT").variableValueEquals(APPLICANT_NAME, engine.getHistoryService()
                        .createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(APPLICANT_NAME)
                        .singleResult().getValue()).singleResult();
        assertThat(delivered).isNotNull();
        Task register = driver.task(delivered, "Task_RegisterAppeal");
        assertThat(register.getTenantId()).isEqualTo("ALT");
        assertThat(appeals.appeal(driver.documentId(delivered)).getChannel()).isEqualTo(AppealChannel.FORWARDED);
    }

    @Test
    void theHeadExtendsTheTermOnceTheApplicantIsToldAndTheHistoryKeepsBothDates() {
        String email = unique() + "@example.org";
        ProcessInstance instance = registeredAtOffice("Григорьев Григорий", "г. Демо, ул. Речная, 2", email, "STATEMENT", null);
        review(instance, Map.of(REVIEW_DECISION, "consider"));
        long id = driver.documentId(instance);
        LocalDate due = appeals.appeal(id).getAnswerDue();

        Job escalation = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("TimerEvent_EscalationDue").singleResult();
        ClockUtil.setCurrentTime(escalation.getDuedate());
        engine.getManagementService().executeJob(escalation.getId());
        Task control = driver.task(instance, "Task_ControlAnswerTerm");
        assertThat(control.getCreateTime()).isBefore(java.sql.Date.valueOf(due));
        driver.complete(control, "controller", Map.of(TERM_ACTION, "extend"));

        Map<String, Object> tooLong = Map.of(TERM_EXTENSION_DECISION, "approve", NEW_ANSWER_DUE, due.plusDays(31).toString(),
                TERM_EXTENSION_REASON, "Запрошены материалы");
        assertThatThrownBy(() -> driver.complete(driver.task(instance, "Task_DecideTermExtension"), "manager", tooLong))
                .isInstanceOf(UserInputException.class).hasMessageContaining("не более чем на 30 дней");
        LocalDate newDue = due.plusDays(20);
        driver.complete(driver.task(instance, "Task_DecideTermExtension"), "manager", Map.of(TERM_EXTENSION_DECISION,
                "approve", NEW_ANSWER_DUE, newDue.toString(), TERM_EXTENSION_REASON, "Запрошены материалы в прокуратуре"));

        Appeal extended = appeals.appeal(id);
        assertThat(extended.getOriginalAnswerDue()).isEqualTo(due);
        assertThat(extended.getAnswerDue()).isEqualTo(newDue);
        assertThat(history.of(id)).anyMatch(e -> e.getAction().equals("APPEAL_TERM_EXTENDED")
                && e.getDetails().contains(Appeals.DATE.format(due)) && e.getDetails().contains(Appeals.DATE.format(newDue)));
        assertThat(notifications.to(email)).extracting(Notification::getSubject).contains("Срок рассмотрения вашего обращения продлён");
        Job termPassed = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("TimerEvent_TermPassed").singleResult();
        assertThat(termPassed.getDuedate()).isEqualTo(TestTerms.endOf(newDue));

        // Once only: a second extension is refused on the server whatever a client sends.
        Job again = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("TimerEvent_EscalationDue").singleResult();
        ClockUtil.setCurrentTime(again.getDuedate());
        engine.getManagementService().executeJob(again.getId());
        driver.complete(driver.task(instance, "Task_ControlAnswerTerm"), "controller", Map.of(TERM_ACTION, "extend"));
        assertThatThrownBy(() -> driver.complete(driver.task(instance, "Task_DecideTermExtension"), "manager",
                Map.of(TERM_EXTENSION_DECISION, "approve", NEW_ANSWER_DUE, newDue.plusDays(5).toString(),
                        TERM_EXTENSION_REASON, "Ещё раз")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("только один раз");
    }

    @Test
    void theTermPassingMarksTheAppealViolated() {
        ProcessInstance instance = registeredAtOffice("Дмитриев Дмитрий", "г. Демо, ул. Полевая, 4", null, "STATEMENT", null);
        review(instance, Map.of(REVIEW_DECISION, "consider"));
        Job passed = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("TimerEvent_TermPassed").singleResult();
        ClockUtil.setCurrentTime(passed.getDuedate());
        engine.getManagementService().executeJob(passed.getId());
        long id = driver.documentId(instance);
        assertThat(appeals.appeal(id).isTermViolated()).isTrue();
        assertThat(history.of(id)).anyMatch(e -> e.getAction().equals("APPEAL_TERM_VIOLATED"));
    }

    @Test
    void abusiveLanguageLeftUnansweredTellsTheApplicantWhy() {
        String email = unique() + "@example.org";
        ProcessInstance instance = registeredAtOffice("Борисов Борис", "г. Демо, ул. Верхняя, 9", email, "STATEMENT", null);
        review(instance, Map.of(REVIEW_DECISION, "abusive"));
        driver.complete(driver.task(instance, "Task_DecideAbusiveAppeal"), "manager", Map.of(ABUSE_DECISION, "leave"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_AbusiveUnanswered");
        long id = driver.documentId(instance);
        assertThat(appeals.appeal(id).getResult()).isEqualTo(AppealResult.LEFT_UNANSWERED);
        assertThat(notifications.to(email)).extracting(Notification::getBody)
                .anyMatch(body -> body.contains("недопустимости злоупотребления правом"));
    }

    @Test
    void anAppealWithoutANameIsNotAnsweredAndOneReportingACrimeGoesToLawEnforcement() {
        ProcessInstance instance = driver.as("registrar", () -> engine.getFormService().submitStartForm(definitionId(),
                start(null, null, null)));
        driver.complete(driver.task(instance, "Task_RegisterAppeal"), "registrar", card(null, null, null, "STATEMENT", null));
        Task anonymous = driver.task(instance, "Task_ReviewAnonymousAppeal");
        assertThatThrownBy(() -> driver.complete(anonymous, "assistant", Map.of(REPORTS_CRIME, true, FORWARD_TO, "HEALTH")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("правоохранительный орган");
        driver.complete(driver.task(instance, "Task_ReviewAnonymousAppeal"), "assistant",
                Map.of(REPORTS_CRIME, true, FORWARD_TO, "POLICE"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_SentToLawEnforcement");
        assertThat(appeals.appeal(driver.documentId(instance)).getForwardedTo()).isEqualTo("POLICE");
    }

    @Test
    void anUnreadableAppealIsClosedAndTheApplicantToldWhenTheAddressCanBeRead() {
        String email = unique() + "@example.org";
        ProcessInstance instance = registeredAtOffice("Антонов Антон", "г. Демо, ул. Нижняя, 1", email, "STATEMENT", null);
        review(instance, Map.of(REVIEW_DECISION, "unreadable"));
        driver.complete(driver.task(instance, "Task_HandleUnreadableAppeal"), "assistant", Map.of(ADDRESS_READABLE, true));
        BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(appeals.appeal(driver.documentId(instance)).getResult()).isEqualTo(AppealResult.NOT_READABLE);
        assertThat(notifications.to(email)).extracting(Notification::getBody).anyMatch(b -> b.contains("не поддаётся прочтению"));
    }

    private ProcessInstance registeredAtOffice(String name, String address, String email, String kind, String complainedBody) {
        ProcessInstance instance = driver.as("registrar", () -> engine.getFormService().submitStartForm(definitionId(),
                start(name, address, email)));
        Task register = driver.task(instance, "Task_RegisterAppeal");
        assertThat(register.getAssignee()).isEqualTo("registrar");
        driver.complete(register, "registrar", card(name, address, email, kind, complainedBody));
        return instance;
    }

    private void review(ProcessInstance instance, Map<String, Object> decision) {
        driver.complete(driver.task(instance, "Task_ReviewAppeal"), "assistant", decision);
    }

    private ProcessInstance called(ProcessInstance instance, String key) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .processDefinitionKey(key).singleResult();
    }

    private String definitionId() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID).latestVersion()
                .withoutTenantId().singleResult().getId();
    }

    static Map<String, Object> start(String name, String address, String email) {
        Map<String, Object> start = new HashMap<>();
        start.put(APPLICANT_NAME, name);
        start.put(POSTAL_ADDRESS, address);
        start.put(EMAIL, email);
        start.put(RECEIVED_DATE, LocalDate.now().toString());
        start.put(RECEIPT_FORM, "WRITTEN");
        return start;
    }

    static Map<String, Object> card(String name, String address, String email, String kind, String complainedBody) {
        Map<String, Object> card = start(name, address, email);
        card.put(APPEAL_KIND, kind);
        card.put(TOPIC, TOPIC_HEATING);
        card.put(COMPLAINED_BODY, complainedBody);
        card.put(SUMMARY, "О начислениях за отопление");
        card.put(SHEET_COUNT, 1);
        card.put(LINKED_APPEALS, "[]");
        return card;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
