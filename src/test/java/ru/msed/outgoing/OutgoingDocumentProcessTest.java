package ru.msed.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.SecondOrganization;
import ru.msed.approval.ApprovalService;
import ru.msed.approval.Visa;
import ru.msed.document.AttachmentService;
import ru.msed.document.Document;
import ru.msed.document.DocumentService;
import ru.msed.document.DocumentStatus;
import ru.msed.signature.PrintableCopy;
import ru.msed.signature.SignatureService;
import ru.msed.signature.TestPki;
import ru.msed.web.UserInputException;

/** processes/outgoing-document.bpmn: sequential, parallel and mixed routes, rejection, both signature kinds. */
@MsedIntegrationTest
class OutgoingDocumentProcessTest {

    @LocalServerPort
    int port;
    @Autowired
    SecondOrganization second;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    AttachmentService attachments;
    @Autowired
    DocumentService documents;
    @Autowired
    ApprovalService approval;
    @Autowired
    SignatureService signatures;
    @Autowired
    PrintableCopy printable;
    @Autowired
    ru.msed.ExchangeDriver exchange;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    @Test
    void sequentialStagesGoOneAfterAnotherAndASimpleSignatureRegistersAndSendsTheDocument() throws Exception {
        ProcessInstance instance = draft("executor2; controller");

        assertThat(visaTasks(instance)).extracting(Task::getAssignee).containsExactly("executor2");
        visa(instance, "executor2", "approve", null);
        assertThat(visaTasks(instance)).extracting(Task::getAssignee).containsExactly("controller");
        visa(instance, "controller", "approve_with_remarks", "Уточнить дату в третьем абзаце");

        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_SignDocument");
        long documentId = driver.documentId(instance);
        assertThatThrownBy(() -> driver.complete(driver.task(instance, "Task_SignDocument"), "manager", Map.of("signed", true)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("не подписана");
        assertThatThrownBy(() -> driver.as("manager", () -> signatures.signSimple(documentId, "manager", "wrong")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Пароль неверен");
        driver.as("manager", () -> signatures.signSimple(documentId, "manager", "demo"));
        driver.complete(driver.task(instance, "Task_SignDocument"), "manager", Map.of("signed", true));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_RegisterOutgoing", "Task_Dispatch", "EndEvent_Sent");
        Document document = documents.document(documentId);
        assertThat(document.getRegistrationNumber()).startsWith("Исх-");
        assertThat(document.getStatus()).isEqualTo(DocumentStatus.SENT);
        assertThat(approval.visas(documentId)).extracting(Visa::getDecision).containsExactly("APPROVE", "APPROVE_WITH_REMARKS");
        assertThat(text(printable.pdf(documentId))).contains("ДОКУМЕНТ ПОДПИСАН ПРОСТОЙ ЭЛЕКТРОННОЙ ПОДПИСЬЮ")
                .contains("Подписал: Петров С. Н., Министр");
    }

    @Test
    void theCardCarriesAddresseesVisasAndTheSignatureAndTheAuthorFollowsTheRoute() {
        second.ensure();
        ProcessInstance instance = draft("executor2, executor3; controller");
        long documentId = driver.documentId(instance);
        visa(instance, "executor2", "approve", null);
        visa(instance, "executor3", "approve_with_remarks", "Уточнить срок в последнем абзаце");
        visa(instance, "controller", "approve", null);

        // The author reads the running instance; an approver, another organization's staff do not.
        assertThat(instanceStatus("executor1", instance)).isEqualTo(200);
        assertThat(instanceStatus("executor2", instance)).isEqualTo(404);
        assertThat(instanceStatus("alt-registrar", instance)).isIn(403, 404);

        driver.as("manager", () -> signatures.signSimple(documentId, "manager", "demo"));
        driver.complete(driver.task(instance, "Task_SignDocument"), "manager", Map.of("signed", true));

        JsonNode card = Http.as(port, "executor1").get().uri("/api/documents/" + documentId).retrieve().body(JsonNode.class);
        assertThat(card.path("addressees").asText()).isEqualTo("Администрация городского округа Демо");
        assertThat(card.path("visas")).hasSize(3);
        JsonNode remarks = card.path("visas").get(1);
        assertThat(remarks.path("approverName").asText()).isEqualTo("Волков Д. А.");
        assertThat(remarks.path("decision").asText()).isEqualTo("APPROVE_WITH_REMARKS");
        assertThat(remarks.path("comment").asText()).isEqualTo("Уточнить срок в последнем абзаце");
        assertThat(remarks.path("decidedAt").isNull()).isFalse();
        assertThat(remarks.path("fileSha256").asText()).hasSize(64);
        JsonNode signature = card.path("signatures").get(0);
        assertThat(signature.path("kind").asText()).isEqualTo("SIMPLE");
        assertThat(signature.path("signerName").asText()).isEqualTo("Петров С. Н.");
        assertThat(signature.path("signedAt").isNull()).isFalse();
    }

    private int instanceStatus(String user, ProcessInstance instance) {
        return Http.as(port, user).get().uri("/engine-rest/process-instance/" + instance.getId()).retrieve().toBodilessEntity()
                .getStatusCode().value();
    }

    @Test
    void approversOfAStageWorkInParallelAndAMixedRouteWaitsForTheWholeStage() {
        ProcessInstance instance = draft("executor2, executor3; controller");

        assertThat(visaTasks(instance)).extracting(Task::getAssignee).containsExactlyInAnyOrder("executor2", "executor3");
        visa(instance, "executor3", "approve", null);
        assertThat(visaTasks(instance)).extracting(Task::getAssignee).containsExactly("executor2");
        visa(instance, "executor2", "approve", null);
        assertThat(visaTasks(instance)).extracting(Task::getAssignee).containsExactly("controller");
    }

    @Test
    void rejectionReturnsTheDraftToTheAuthorWhoRevisesAndRestartsTheRouteKeepingEarlierVisas() {
        ProcessInstance instance = draft("executor2, executor3");
        long documentId = driver.documentId(instance);
        String firstVersion = attachments.latest(documentId).orElseThrow().info().sha256();

        assertThatThrownBy(() -> visa(instance, "executor2", "reject", null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Укажите причину отклонения");
        visa(instance, "executor2", "reject", "Неверный адресат");

        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_PrepareDraft");
        assertThat(visaTasks(instance)).isEmpty();
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "rejection")).isEqualTo("executor2: Неверный адресат");

        driver.as("executor1", () -> attachments.add(documentId, "otvet-v2.pdf", "application/pdf",
                "%PDF версия 2".getBytes(StandardCharsets.UTF_8), "executor1"));
        driver.complete(driver.task(instance, "Task_PrepareDraft"), "executor1", draftForm("executor2"));
        visa(instance, "executor2", "approve", null);

        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_SignDocument");
        List<Visa> visas = approval.visas(documentId);
        assertThat(visas).extracting(Visa::getRound).containsExactly(1, 2);
        assertThat(visas.get(0).getFileSha256()).isEqualTo(firstVersion);
        assertThat(visas.get(1).getFileSha256()).isNotEqualTo(firstVersion);
    }

    @Test
    void qualifiedSignatureIsVerifiedStampedAndANewFileVersionIsNotCoveredByIt() throws Exception {
        TestPki.Issued root = TestPki.root("Тестовый аккредитованный УЦ", TestPki.Algorithm.GOST_256);
        TestPki.Issued manager = TestPki.person(root, "Петров", "Сергей Николаевич", true);
        Path accredited = Path.of("target/test-trust/accredited");
        Files.createDirectories(accredited);
        Files.writeString(accredited.resolve("test-root.pem"), pem(root.certificate().getEncoded()));

        ProcessInstance instance = draft("executor2", realPdf());
        visa(instance, "executor2", "approve", null);
        long documentId = driver.documentId(instance);
        byte[] file = attachments.latest(documentId).orElseThrow().content();
        byte[] forged = TestPki.sign("другой файл".getBytes(StandardCharsets.UTF_8), manager);
        assertThatThrownBy(() -> driver.as("manager", () -> signatures.signEnhanced(documentId, "manager", forged)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Подпись не соответствует файлу");

        byte[] detached = TestPki.sign(file, manager);
        var signature = driver.as("manager", () -> signatures.signEnhanced(documentId, "manager", detached));
        assertThat(signature.getKind()).isEqualTo("QUALIFIED");
        String stamp = text(printable.pdf(documentId));
        try (var stamped = Loader.loadPDF(printable.pdf(documentId))) {
            assertThat(stamped.getNumberOfPages()).as("stamped on the original's page").isEqualTo(1);
        }
        assertThat(stamp).contains("ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ").contains("Владелец: Петров Сергей Николаевич")
                .contains("Сертификат: " + signature.getCertificateSerial()).contains("Действителен: с");

        // A new version after signing: the old signature does not silently carry over.
        driver.as("executor1", () -> attachments.add(documentId, "otvet-v2.pdf", "application/pdf",
                "%PDF изменённый".getBytes(StandardCharsets.UTF_8), "executor1"));
        assertThatThrownBy(() -> driver.complete(driver.task(instance, "Task_SignDocument"), "manager", Map.of("signed", true)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("не подписана");
        byte[] resigned = TestPki.sign(attachments.latest(documentId).orElseThrow().content(), manager);
        driver.as("manager", () -> signatures.signEnhanced(documentId, "manager", resigned));
        driver.complete(driver.task(instance, "Task_SignDocument"), "manager", Map.of("signed", true));
        BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(signatures.of(documentId)).hasSize(2);

        // Anyone checks a file and its signature without changing anything.
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", resource("letter.pdf", file));
        body.add("signature", resource("letter.pdf.sig", TestPki.sign(file, manager)));
        JsonNode verdict = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth("registrar", "demo"))
                .defaultStatusHandler(HttpStatusCode::isError, (rq, rs) -> { }).build()
                .post().uri("/api/signatures/verify").contentType(MediaType.MULTIPART_FORM_DATA).body(body).retrieve()
                .body(JsonNode.class);
        assertThat(verdict.get("kind").asText()).isEqualTo("QUALIFIED");
        assertThat(verdict.get("certificate").get("owner").asText()).isEqualTo("Петров Сергей Николаевич");
    }

    @Test
    void addresseesOutsideTheDirectoryAreRefusedAndTheOwnOrganizationIsNoAddressee() {
        ProcessInstance instance = driver.as("executor1",
                () -> engine.getRuntimeService().startProcessInstanceByKey(OutgoingDocumentVariables.PROCESS_ID));
        var form = new java.util.HashMap<>(draftForm("executor2"));
        form.put("recipientOrganizations", "NOWHERE,DEMO");
        assertThatThrownBy(() -> driver.complete(driver.task(instance, "Task_PrepareDraft"), "executor1", form))
                .isInstanceOf(UserInputException.class).hasMessageContaining("«NOWHERE» не подключена")
                .hasMessageContaining("Своя организация");
        form.put("recipientOrganizations", "");
        form.put("inReplyTo", "Вх-999999/26");
        assertThatThrownBy(() -> driver.complete(driver.task(instance, "Task_PrepareDraft"), "executor1", form))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Вх-999999/26 не найден");
    }

    @Test
    void aRecipientSilentForAWorkingDayGoesToTheRegistrarWhoStopsWaitingAndALateAnswerOnlyReachesTheCard() {
        second.ensure();
        ProcessInstance instance = exchange.sent(ru.msed.ExchangeDriver.DEMO, List.of(ru.msed.SecondOrganization.CODE), null);
        exchange.deliver(instance);
        var timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("BoundaryEvent_NoAnswer").singleResult();
        engine.getManagementService().executeJob(timer.getId());
        Task check = driver.task(instance, "Task_CheckDelivery");
        BpmnAwareTests.assertThat(check).hasCandidateGroup("registrar");
        assertThat(check.getName()).contains(documents.document(driver.documentId(instance)).getRegistrationNumber());
        driver.complete(check, "registrar", Map.of("deliveryDecision", "stop"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_WaitingStopped", "EndEvent_Delivered");

        // The committee registers it after all: the dispatch no longer waits, the card's timeline still shows it.
        ProcessInstance arrived = exchange.arrival(exchange.packageId(instance, ru.msed.SecondOrganization.CODE));
        driver.complete(driver.task(arrived, "Task_ConsiderArrival"), "alt-registrar", Map.of("arrivalDecision", "register",
                "sheetCount", 1));
        assertThat(exchange.deliverNotices()).isPositive();
        assertThat(timelineStatus(driver.documentId(instance))).isEqualTo("Документ зарегистрирован");
    }

    @Autowired
    ru.msed.exchange.ExchangeTimeline timeline;

    private String timelineStatus(long documentId) {
        return timeline.of(documentId).recipients().get(0).statusLabel();
    }

    private ProcessInstance draft(String route) {
        return draft(route, "%PDF ответ на запрос".getBytes(StandardCharsets.UTF_8));
    }

    private ProcessInstance draft(String route, byte[] file) {
        ProcessInstance instance = driver.as("executor1",
                () -> engine.getRuntimeService().startProcessInstanceByKey(OutgoingDocumentVariables.PROCESS_ID));
        long documentId = driver.documentId(instance);
        driver.as("executor1", () -> attachments.add(documentId, "otvet.pdf", "application/pdf", file, "executor1"));
        driver.complete(driver.task(instance, "Task_PrepareDraft"), "executor1", draftForm(route));
        return instance;
    }

    private static Map<String, Object> draftForm(String route) {
        return Map.of("summary", "Ответ на запрос о предоставлении сведений", "addressees",
                "Администрация городского округа Демо", "signatoryUser", "manager", "approvalRoute", route);
    }

    private List<Task> visaTasks(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_GiveVisa").list();
    }

    private void visa(ProcessInstance instance, String approver, String decision, String comment) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_GiveVisa").taskAssignee(approver).singleResult();
        Map<String, Object> form = comment == null ? Map.of("visaDecision", decision)
                : Map.of("visaDecision", decision, "visaComment", comment);
        driver.complete(task, approver, form);
    }

    /** A one-page PDF, so the mark is put on the original's last page. */
    private static byte[] realPdf() throws Exception {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    private static ByteArrayResource resource(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
