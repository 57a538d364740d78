package ru.msed.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.msed.appeal.CitizenAppealVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.document.AttachmentService;
import ru.msed.document.DocumentService;
import ru.msed.notification.Notification;
import ru.msed.notification.Notifications;
import ru.msed.signature.SignatureService;

/**
 * The public appeal form over HTTP, anonymous: a citizen's appeal lands as a card waiting for registration,
 * the registrar registers it through the REST API as Tasklist does, the confirmation with the number
 * goes to the outbox, and the answer goes through the outgoing route; bad input, bursts and everything
 * beyond the form's endpoint are refused and create nothing.
 */
@MsedIntegrationTest
class PublicAppealIT {

    static final byte[] PDF = "%PDF-1.4\n% скан обращения\n".getBytes(StandardCharsets.UTF_8);
    static final String SCRIPT_TEXT = "<script>alert('обращение')</script><b>Прошу</b> проверить начисления за отопление.";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AppealProperties properties;
    @Autowired
    ProcessDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Notifications notifications;
    @Autowired
    DocumentService documents;
    @Autowired
    AttachmentService attachments;
    @Autowired
    SignatureService signatures;
    @Autowired
    Appeals appeals;

    @BeforeEach
    @AfterEach
    void forgetTheRateLimit() {
        // Every test posts from 127.0.0.1: each starts with the address's budget untouched.
        jdbc.update("DELETE FROM public_submission");
    }

    @Test
    void aCitizensAppealIsRegisteredConfirmedWithItsNumberAndAnsweredThroughTheOutgoingRoute() throws Exception {
        String email = "citizen-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long before = appealCount();
        ResponseEntity<JsonNode> sent = submit(form(email, SCRIPT_TEXT, true), file("skan.pdf", PDF));
        assertThat(sent.getStatusCode().value()).isEqualTo(202);
        // The answer does not echo what was sent.
        assertThat(sent.getBody().toString()).doesNotContain(email).doesNotContain("Петров").doesNotContain("script");
        assertThat(sent.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(PublicAppealFilter.CSP);
        assertThat(appealCount()).isEqualTo(before + 1);

        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .variableValueEquals(EMAIL, email).singleResult();
        assertThat(instance.getTenantId()).isEqualTo("DEMO");
        long id = Long.parseLong(instance.getBusinessKey());
        // Stored as text, exactly as sent.
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), APPEAL_TEXT)).isEqualTo(SCRIPT_TEXT);
        assertThat(appeals.appeal(id).getAppealText()).isEqualTo(SCRIPT_TEXT);
        assertThat(attachments.list(id)).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("skan.pdf");
            assertThat(file.contentType()).isEqualTo("application/pdf");
        });
        Task register = driver.task(instance, "Task_RegisterAppeal");
        assertThat(register.getAssignee()).isNull();
        assertThat(engine.getTaskService().getIdentityLinksForTask(register.getId()))
                .anyMatch(link -> "registrar".equals(link.getGroupId()));
        assertThat(notifications.to(email)).isEmpty();

        // The registrar, as Tasklist does: claim, then submit the form.
        var registrar = Http.as(port, "registrar");
        assertThat(registrar.post().uri("/engine-rest/task/{id}/claim", register.getId()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", "registrar")).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(204);
        Map<String, Object> card = Map.of(
                APPLICANT_NAME, value("Петров Пётр Петрович"), EMAIL, value(email), RECEIVED_DATE, value(java.time.LocalDate.now().toString()),
                RECEIPT_FORM, value("ELECTRONIC"), APPEAL_KIND, value("STATEMENT"), TOPIC, value(CitizenAppealProcessTest.TOPIC_HEATING),
                SUMMARY, value("О начислениях за отопление"), SHEET_COUNT, Map.of("value", 1));
        ResponseEntity<JsonNode> registered = registrar.post().uri("/engine-rest/task/{id}/submit-form", register.getId())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", card)).retrieve().toEntity(JsonNode.class);
        assertThat(registered.getStatusCode().value()).isEqualTo(204);
        String number = documents.document(id).getRegistrationNumber();
        assertThat(number).startsWith("ОГ-");
        assertThat(notifications.to(email)).singleElement().satisfies(n -> assertThat(n.getBody()).contains(number));

        // Consideration and the answer through the outgoing route, as in the office.
        driver.complete(driver.task(instance, "Task_ReviewAppeal"), "assistant", Map.of(REVIEW_DECISION, "consider"));
        var resolution = ProcessDriver.resolution("executor1", List.of(), false);
        driver.complete(driver.task(instance, "Task_DraftResolution"), "assistant", resolution);
        driver.complete(driver.task(instance, "Task_ReviewResolution"), "manager", Map.of("managerDecision", "approve"));
        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor1"), "executor1",
                Map.of("reportText", "Перерасчёт выполнен"));
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).activityId("CallActivity_DraftAnswer").singleResult().getId());
        ProcessInstance answer = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .processDefinitionKey(ANSWER_PROCESS).singleResult();
        long answerId = Long.parseLong(answer.getBusinessKey());
        driver.as("executor1", () -> attachments.add(answerId, "otvet.pdf", "application/pdf", PDF, "executor1"));
        driver.complete(driver.task(answer, "Task_PrepareDraft"), "executor1", Map.of("summary", "Ответ на обращение " + number,
                "addressees", "Петров Пётр Петрович, " + email, "signatoryUser", "manager", "approvalRoute", "executor2"));
        driver.complete(driver.task(answer, "Task_GiveVisa"), "executor2", Map.of("visaDecision", "approve"));
        driver.as("manager", () -> signatures.signSimple(answerId, "manager", "demo"));
        driver.complete(driver.task(answer, "Task_SignDocument"), "manager", Map.of("signed", true));
        driver.complete(driver.task(instance, "Task_CloseAppeal"), "registrar", Map.of(APPEAL_RESULT, "SUPPORTED",
                FILE_REFERENCE, "02-ОГ"));

        Appeal closed = appeals.appeal(id);
        assertThat(closed.getResult()).isEqualTo(AppealResult.SUPPORTED);
        assertThat(closed.getChannel()).isEqualTo(AppealChannel.ONLINE);
        assertThat(closed.getConsentAt()).isNotNull();
        assertThat(notifications.to(email)).extracting(Notification::getSubject).contains("Ответ на ваше обращение № " + number
                + " от " + Appeals.DATE.format(documents.document(id).getRegistrationDate()));
    }

    @Test
    void badInputIsRefusedInRussianWithoutATraceAndCreatesNothing() throws Exception {
        long before = appealCount();
        String email = "bad@example.org";
        assertRefused(submit(form(email, "а".repeat(2001), true)), 400, "Текст обращения длиннее 2000 символов");
        assertRefused(submit(form(email, "Текст", false)), 400, "согласие на обработку персональных данных");
        assertRefused(submit(form(email, "Текст", true), file("virus.exe", "MZ".getBytes(StandardCharsets.UTF_8))), 400,
                "допускаются только");
        assertRefused(submit(form(email, "Текст", true), file("fake.pdf", "<html><script>x</script>".getBytes(StandardCharsets.UTF_8))),
                400, "содержимое должно соответствовать расширению");
        assertRefused(submit(form(email, "Текст", true), file("big.pdf", bigPdf(5 * 1024 * 1024 + 1))), 400, "больше 5 МБ");
        ByteArrayResource[] six = new ByteArrayResource[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = file("page" + i + ".pdf", PDF);
        }
        assertRefused(submit(form(email, "Текст", true), six), 400, "не больше 5 файлов");
        MultiValueMap<String, Object> forged = form(email, "Текст", true);
        forged.set("token", "1.forged");
        assertRefused(submit(forged), 400, "Форма устарела");
        MultiValueMap<String, Object> unknown = form(email, "Текст", true);
        unknown.set("organization", "NOPE");
        assertRefused(submit(unknown), 400, "Выберите орган власти");
        assertRefused(submit(form("not-an-email", "Текст", true)), 400, "адрес электронной почты");
        ByteArrayResource[] tooLarge = new ByteArrayResource[6];
        for (int i = 0; i < tooLarge.length; i++) {
            tooLarge[i] = file("page" + i + ".pdf", bigPdf(5 * 1024 * 1024));
        }
        // Refused before the files are read, by the form's own limit; a body without a length is refused as well.
        assertRefused(submit(form(email, "Текст", true), tooLarge), 413, "допустим");
        assertRefused(Http.anonymous(port).post().uri("/public-api/appeals").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form(email, "Текст", true)).retrieve().toEntity(JsonNode.class), 411, "через форму");

        // The honeypot: answered like anyone, nothing created.
        MultiValueMap<String, Object> robot = form(email, "Текст", true);
        robot.set("website", "http://spam.example");
        assertThat(submit(robot).getStatusCode().value()).isEqualTo(202);
        assertThat(appealCount()).isEqualTo(before);
    }

    @Test
    void aBurstFromOneAddressIsRefusedWith429AndCreatesNothing() throws Exception {
        long before = appealCount();
        for (int i = 0; i < 5; i++) {
            assertThat(submitCounted(false, form("burst@example.org", "Текст", false)).getStatusCode().value()).isEqualTo(400);
        }
        ResponseEntity<JsonNode> refused = submitCounted(false, form("burst@example.org", "Текст обращения", true));
        assertRefused(refused, 429, "Повторите попытку позже");
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("3600");
        assertThat(appealCount()).isEqualTo(before);
    }

    @Test
    void nothingBeyondTheFormsEndpointIsReachableWithoutALogin() {
        var anonymous = Http.anonymous(port);
        for (String path : List.of("/api/documents", "/api/appeals/1", "/api/reports/appeals?from=2026-01-01&to=2026-12-31",
                "/engine-rest/task", "/engine-rest/process-instance")) {
            assertThat(anonymous.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value()).as(path).isEqualTo(401);
        }
        assertThat(anonymous.post().uri("/engine-rest/message").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("messageName", ONLINE_MESSAGE)).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> page = anonymous.get().uri("/appeal.html").retrieve().toEntity(String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(PublicAppealFilter.CSP);
        assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getBody()).doesNotContain("<script>").contains("<script src=\"/appeal.js\"></script>");
        JsonNode settings = anonymous.get().uri("/public-api/appeals/settings").retrieve().body(JsonNode.class);
        assertThat(settings.get("maxTextLength").asInt()).isEqualTo(2000);
        assertThat(settings.findValuesAsText("code")).contains("DEMO");
    }

    private ResponseEntity<JsonNode> submit(MultiValueMap<String, Object> form, ByteArrayResource... files) {
        return submitCounted(true, form, files);
    }

    /** Posts the form; {@code fresh}: with the address's rate budget untouched (the burst test counts its own). */
    private ResponseEntity<JsonNode> submitCounted(boolean fresh, MultiValueMap<String, Object> form, ByteArrayResource... files) {
        if (fresh) {
            jdbc.update("DELETE FROM public_submission");
        }
        for (ByteArrayResource file : files) {
            form.add("files", file);
        }
        // As a browser sends a form: with its length.
        return Http.anonymous(port).mutate()
                .requestFactory(new BufferingClientHttpRequestFactory(new JdkClientHttpRequestFactory())).build()
                .post().uri("/public-api/appeals").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().toEntity(JsonNode.class);
    }

    private MultiValueMap<String, Object> form(String email, String text, boolean consent) throws InterruptedException {
        String token = Http.anonymous(port).get().uri("/public-api/appeals/settings").retrieve().body(JsonNode.class)
                .get("token").asText();
        // A person needs more than the form's minimal fill time (shortened for the tests).
        Thread.sleep(properties.online().minFillTime().toMillis() + 100);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("organization", "DEMO");
        form.add("lastName", "Петров");
        form.add("firstName", "Пётр");
        form.add("patronymic", "Петрович");
        form.add("email", email);
        form.add("postalAddress", "г. Демо, ул. Центральная, д. 10, кв. 5");
        form.add("text", text);
        form.add("consent", Boolean.toString(consent));
        form.add("website", "");
        form.add("token", token);
        return form;
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static byte[] bigPdf(int size) {
        byte[] content = new byte[size];
        System.arraycopy(PDF, 0, content, 0, PDF.length);
        return content;
    }

    private static Map<String, Object> value(String value) {
        return Map.of("value", value);
    }

    private long appealCount() {
        return jdbc.queryForObject("SELECT count(*) FROM appeal", Long.class);
    }

    private static void assertRefused(ResponseEntity<JsonNode> response, int status, String message) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        String body = response.getBody().toString();
        assertThat(body).contains(message).doesNotContain("Exception").doesNotContain("at ru.msed");
    }
}
