package ru.msed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ru.msed.ExchangeDriver;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.SecondOrganization;
import ru.msed.document.AttachmentInfo;
import ru.msed.document.AttachmentService;
import ru.msed.document.Document;
import ru.msed.document.DocumentLinks;
import ru.msed.document.DocumentService;
import ru.msed.document.DocumentStatus;
import ru.msed.signature.DocumentSignature;
import ru.msed.signature.SignatureService;

/**
 * Two organizations on PostgreSQL, through the services the forms use: the ministry (DEMO) sends a
 * letter to the committee (ALT); it arrives prefilled, is registered, executed and answered, and every
 * notification reaches the sender's card and process; a refusal; a duplicate delivery; a delivery that
 * fails, retries, becomes an incident and succeeds when retried.
 */
@MsedIntegrationTest
class ExchangeBetweenOrganizationsIT {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    ExchangeDriver exchange;
    @Autowired
    SecondOrganization second;
    @Autowired
    DocumentService documents;
    @Autowired
    AttachmentService attachments;
    @Autowired
    SignatureService signatures;
    @Autowired
    DocumentLinks links;
    @Autowired
    ExchangeTimeline timeline;
    @Autowired
    ExchangeService service;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void organizations() {
        second.ensure();
        AbstractAssertions.init(engine);
    }

    @Test
    void aLetterArrivesIsRegisteredExecutedAndAnsweredAndTheSenderSeesEveryStep() {
        byte[] letter = "%PDF запрос сведений".getBytes(StandardCharsets.UTF_8);
        ProcessInstance sent = exchange.sent(ExchangeDriver.DEMO, List.of(SecondOrganization.CODE), null, letter);
        long sentId = driver.documentId(sent);
        Document original = documents.document(sentId);
        assertThat(original.getAddressees()).contains("Комархитектуры (по МСЭД)").contains("Администрация городского округа Демо");
        BpmnAwareTests.assertThat(sent).isWaitingAt("Task_DeliverPackage");
        assertThat(packagesOf(sentId)).as("nothing delivered before the job runs").isZero();

        exchange.deliver(sent);
        BpmnAwareTests.assertThat(sent).isWaitingAt("Task_AwaitAnswer");
        ProcessInstance arrived = exchange.arrival(exchange.packageId(sent, SecondOrganization.CODE));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(arrived.getId()).singleResult()
                .getTenantId()).isEqualTo(SecondOrganization.CODE);
        long arrivedId = driver.documentId(arrived);
        Document card = documents.document(arrivedId);
        assertThat(card.getStatus()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(card.getOrganizationId()).isNotEqualTo(original.getOrganizationId());

        // The registrar of the committee finds it in «Входящие документы», prefilled from the package.
        Task consider = driver.task(arrived, "Task_ConsiderArrival");
        assertThat(consider.getName()).startsWith("Поступил по МСЭД").contains(original.getRegistrationNumber());
        assertThat(driver.as("alt-registrar", () -> engine.getTaskService().createTaskQuery().taskId(consider.getId())
                .taskCandidateGroup("registrar").count())).isEqualTo(1);
        Map<String, Object> form = engine.getTaskService().getVariables(consider.getId());
        assertThat(form).containsEntry("correspondent", organizationName("DEMO"));
        assertThat(form).containsEntry("correspondentNumber", original.getRegistrationNumber())
                .containsEntry("correspondentDate", original.getRegistrationDate().toString())
                .containsEntry("summary", original.getSummary()).containsEntry("deliveryMethod", "MEDO");
        assertThat((String) form.get("signatureCheck")).contains("простая электронная подпись отправителя");
        List<AttachmentInfo> files = attachments.list(arrivedId);
        assertThat(files).hasSize(1);
        assertThat(attachments.download(arrivedId, files.get(0).id()).content()).isEqualTo(letter);
        assertThat(signatures.of(arrivedId)).extracting(DocumentSignature::getKind).containsExactly("SIMPLE");

        driver.complete(consider, "alt-registrar", Map.of("arrivalDecision", "register", "sheetCount", 2));
        Document registered = documents.document(arrivedId);
        assertThat(registered.getRegistrationNumber()).startsWith("Вх-");
        assertThat(registered.getCorrespondentNumber()).isEqualTo(original.getRegistrationNumber());
        assertThat(driver.task(arrived, "Task_StampNumber").getAssignee()).isEqualTo("alt-registrar");

        // «Зарегистрирован» reaches the ministry's dispatch, which then ends.
        assertThat(exchange.deliverNotices()).isPositive();
        BpmnAwareTests.assertThat(sent).isEnded().hasPassed("EndEvent_RegisteredByRecipient", "EndEvent_Delivered");
        ExchangeTimeline.Recipient committee = timeline.of(sentId).recipients().get(0);
        assertThat(committee.organizationCode()).isEqualTo(SecondOrganization.CODE);
        assertThat(committee.statusLabel()).isEqualTo("Документ зарегистрирован");
        assertThat(committee.events()).extracting(ExchangeTimeline.Event::kind).containsExactly("SENT", "DELIVERED", "REGISTERED");
        assertThat(committee.events().get(2).details()).contains("№ " + registered.getRegistrationNumber());

        // Executed: the executor, the acceptance, the answer, the report — each told to the ministry.
        driver.complete(driver.task(arrived, "Task_StampNumber"), "alt-registrar", Map.of());
        driver.complete(driver.task(arrived, "Task_DraftResolution"), "alt-assistant",
                ProcessDriver.resolution("alt-executor", List.of(), true));
        driver.complete(driver.task(arrived, "Task_ReviewResolution"), "alt-manager", Map.of("managerDecision", "approve"));
        assertThat(driver.task(arrived, "Task_ExecuteAssignment")).isNull();
        driver.complete(driver.task(arrived, "Task_AcceptAssignment"), "alt-executor", Map.of());

        ProcessInstance answer = exchange.sent(ExchangeDriver.ALT, List.of("DEMO"), registered.getRegistrationNumber());
        long answerId = driver.documentId(answer);
        assertThat(links.question(answerId)).contains(arrivedId);
        exchange.deliver(answer);
        ProcessInstance answerArrived = exchange.arrival(exchange.packageId(answer, "DEMO"));
        long answerArrivedId = driver.documentId(answerArrived);
        assertThat(links.question(answerArrivedId)).as("the answer names the ministry's original letter").contains(sentId);

        driver.complete(driver.task(arrived, "Task_ExecuteAssignment"), "alt-executor", Map.of("reportText", "Сведения направлены"));
        driver.complete(driver.task(arrived, "Task_ControlReport"), "alt-controller", Map.of("controllerDecision", "accept"));
        String mark = (String) engine.getRuntimeService().getVariable(arrived.getId(), "executionMark");
        Document answerCard = documents.document(answerId);
        assertThat(mark).contains(answerCard.getRegistrationNumber())
                .contains(ru.msed.calendar.RussianDates.format(answerCard.getRegistrationDate()));
        driver.complete(driver.task(arrived, "Task_CloseDocument"), "alt-registrar",
                Map.of("executionMark", mark, "fileReference", "02-05"));
        assertThat(documents.document(arrivedId).getExecutionMark()).contains(answerCard.getRegistrationNumber());

        exchange.deliverNotices();
        ExchangeTimeline.View view = timeline.of(sentId);
        ExchangeTimeline.Recipient done = view.recipients().get(0);
        assertThat(done.events()).extracting(ExchangeTimeline.Event::kind).containsExactly("SENT", "DELIVERED", "REGISTERED",
                "EXECUTOR_ASSIGNED", "ACCEPTED_FOR_EXECUTION", "ANSWER", "REPORT_SENT");
        assertThat(done.events().get(3).details()).contains("Ильин");
        assertThat(done.events().get(6).details()).contains("Сведения направлены").contains(answerCard.getRegistrationNumber());
        assertThat(done.answers()).extracting(ExchangeTimeline.Linked::documentId).containsExactly(answerArrivedId);
        assertThat(view.answers()).extracting(ExchangeTimeline.Linked::documentId).containsExactly(answerArrivedId);
        assertThat(timeline.of(answerArrivedId).replyTo().documentId()).isEqualTo(sentId);
        // Only notification contents cross: nothing in the ministry's view names the committee's card.
        assertThat(view.toString()).doesNotContain("documentId=" + arrivedId + ",");
    }

    @Test
    void aRefusalReachesTheAuthorWithItsReasonAndTheCardStaysUnregistered() {
        ProcessInstance sent = exchange.sent(ExchangeDriver.DEMO, List.of(SecondOrganization.CODE), null);
        exchange.deliver(sent);
        ProcessInstance arrived = exchange.arrival(exchange.packageId(sent, SecondOrganization.CODE));
        Task consider = driver.task(arrived, "Task_ConsiderArrival");
        assertThatThrownBy(() -> driver.complete(consider, "alt-registrar", Map.of("arrivalDecision", "refuse")))
                .hasMessageContaining("Укажите причину отказа");
        driver.complete(consider, "alt-registrar", Map.of("arrivalDecision", "refuse", "refusalReason", "Направлен не по адресу"));
        BpmnAwareTests.assertThat(arrived).isEnded().hasPassed("EndEvent_RegistrationRefused");
        Document card = documents.document(driver.documentId(arrived));
        assertThat(card.getStatus()).isEqualTo(DocumentStatus.REFUSED);
        assertThat(card.getRegistrationNumber()).isNull();

        exchange.deliverNotices();
        Task refusal = driver.task(sent, "Task_ReviewRefusal");
        assertThat(refusal.getAssignee()).isEqualTo("executor1");
        assertThat(engine.getTaskService().getVariable(refusal.getId(), "exchangeAnswerText")).isEqualTo("Направлен не по адресу");
        driver.complete(refusal, "executor1", Map.of());
        BpmnAwareTests.assertThat(sent).isEnded().hasPassed("EndEvent_RefusalReviewed");
        assertThat(timeline.of(driver.documentId(sent)).recipients().get(0).statusLabel()).isEqualTo("Отказано в регистрации");
    }

    @Test
    void aDeliveryReplayedCreatesNothingTwice() {
        ProcessInstance sent = exchange.sent(ExchangeDriver.DEMO, List.of(SecondOrganization.CODE), null);
        exchange.deliver(sent);
        long packageId = exchange.packageId(sent, SecondOrganization.CODE);
        long documentId = driver.documentId(sent);
        long cardsBefore = count("document");

        ExchangeService.Delivery again = transaction.execute(status -> service.send(documentId, SecondOrganization.CODE, sent.getId()));
        assertThat(again.created()).isFalse();
        assertThat(again.packageId()).isEqualTo(packageId);
        assertThat(count("document")).isEqualTo(cardsBefore);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().variableValueEquals("exchangePackageId", packageId).count())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange_package WHERE sender_document_id = ?", Long.class, documentId))
                .isEqualTo(1);
    }

    @Test
    void aFailedDeliveryIsRetriedBecomesAnIncidentAndSucceedsWhenTheOperatorRetriesIt() {
        ProcessInstance sent = exchange.sent(ExchangeDriver.DEMO, List.of(SecondOrganization.CODE), null);
        long documentId = driver.documentId(sent);
        long fileId = attachments.list(documentId).get(0).id();
        String key = jdbc.queryForObject("SELECT content_key FROM attachment WHERE id = ?", String.class, fileId);
        // The signed file is gone from the content store (storage damaged): nothing may be sent. A key of
        // its own, so the problem recorded for it touches no other test's file.
        String lost = java.util.HexFormat.of().formatHex(java.util.UUID.randomUUID().toString().repeat(2)
                .getBytes(StandardCharsets.US_ASCII), 0, 32);
        jdbc.update("UPDATE attachment SET content_key = ? WHERE id = ?", lost, fileId);
        Job delivery = exchange.deliveries(sent).get(0);
        int attempts = 0;
        while (engine.getManagementService().createJobQuery().jobId(delivery.getId()).singleResult().getRetries() > 0) {
            attempts++;
            assertThatThrownBy(() -> engine.getManagementService().executeJob(delivery.getId())).isNotNull();
        }
        assertThat(attempts).isEqualTo(3);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(sent.getId())
                .activityId("Task_DeliverPackage").count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange_package WHERE sender_document_id = ?", Long.class, documentId))
                .as("nothing of a failed delivery is left").isZero();

        jdbc.update("UPDATE attachment SET content_key = ? WHERE id = ?", key, fileId);
        engine.getManagementService().setJobRetries(delivery.getId(), 1);
        engine.getManagementService().executeJob(delivery.getId());
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(sent.getId()).count()).isZero();
        assertThat(exchange.arrival(exchange.packageId(sent, SecondOrganization.CODE))).isNotNull();
        BpmnAwareTests.assertThat(sent).isWaitingAt("Task_AwaitAnswer");
    }

    private long packagesOf(long documentId) {
        return jdbc.queryForObject("SELECT count(*) FROM exchange_package WHERE sender_document_id = ?", Long.class, documentId);
    }

    private String organizationName(String code) {
        return jdbc.queryForObject("SELECT full_name FROM organization WHERE code = ?", String.class, code);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
