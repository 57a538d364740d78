package ru.msed.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;

/**
 * The whole incoming-document lifecycle over HTTP, as Tasklist drives it ({@code /engine-rest}
 * submit-form with each demo user's login), then the card and its files through {@code /api}.
 */
@MsedIntegrationTest
class IncomingDocumentLifecycleIT {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    RestClient as(String user) {
        return Http.as(port, user);
    }

    @Test
    void aTaskAColleagueHasJustCompletedAnswersWithARussian404NotA500() {
        String businessKey = as("registrar").post().uri("/engine-rest/process-definition/key/incoming-document/start")
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().body(JsonNode.class).get("businessKey").asText();
        String taskId = as("registrar").get()
                .uri("/engine-rest/task?processInstanceBusinessKey={p}&taskDefinitionKey=Task_FillRegistrationCard", businessKey)
                .retrieve().body(JsonNode.class).get(0).get("id").asText();
        assertOk(submit("registrar", businessKey, "Task_FillRegistrationCard", Map.of("receivedDate", LocalDate.now().toString(),
                "correspondent", "Администрация", "summary", "О задаче, которую выполнили дважды", "deliveryMethod", "MEDO",
                "sheetCount", 1)));

        // The second browser still shows the task: its form, its variables, its submission.
        for (ResponseEntity<JsonNode> gone : List.of(
                as("registrar").get().uri("/engine-rest/task/{id}/deployed-form", taskId).retrieve().toEntity(JsonNode.class),
                as("registrar").get().uri("/engine-rest/task/{id}/form-variables", taskId).retrieve().toEntity(JsonNode.class),
                as("registrar").post().uri("/engine-rest/task/{id}/submit-form", taskId).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"variables\":{}}").retrieve().toEntity(JsonNode.class))) {
            assertThat(gone.getStatusCode().value()).isEqualTo(404);
            assertThat(gone.getBody().get("message").asText()).contains("Задача уже выполнена");
        }
        // An open task still opens.
        String next = as("registrar").get()
                .uri("/engine-rest/task?processInstanceBusinessKey={p}&taskDefinitionKey=Task_StampNumber", businessKey)
                .retrieve().body(JsonNode.class).get(0).get("id").asText();
        assertOk(as("registrar").get().uri("/engine-rest/task/{id}/form-variables", next).retrieve().toEntity(JsonNode.class));
    }

    @Test
    void documentGoesFromRegistrationToTheCaseFileOverHttp() throws Exception {
        ResponseEntity<JsonNode> start = as("registrar").post()
                .uri("/engine-rest/process-definition/key/incoming-document/start")
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toEntity(JsonNode.class);
        assertOk(start);
        JsonNode started = start.getBody();
        String businessKey = started.get("businessKey").asText();
        long documentId = Long.parseLong(businessKey);

        // A bad card: 400 with the Russian reasons, task still open, nothing registered.
        ResponseEntity<JsonNode> rejected = submit("registrar", businessKey, "Task_FillRegistrationCard",
                Map.of("receivedDate", LocalDate.now().plusDays(1).toString(), "sheetCount", 2));
        assertThat(rejected.getStatusCode().value()).isEqualTo(400);
        assertThat(rejected.getBody().get("message").asText())
                .contains("Заполните краткое содержание").contains("Укажите корреспондента");
        assertThat(card("registrar", documentId).get("status").asText()).isEqualTo("DRAFT");

        assertOk(submit("registrar", businessKey, "Task_FillRegistrationCard", Map.of(
                "receivedDate", LocalDate.now().toString(), "correspondent", "Правительство Демонстрационной области",
                "correspondentNumber", "12-4/77", "summary", "О подготовке к отопительному сезону",
                "deliveryMethod", "MEDO", "sheetCount", 4, "accessLevel", "GENERAL", "topic", "GENERAL")));
        assertOk(submit("assistant", businessKey, "Task_DraftResolution", Map.of(
                "resolutionText", "Подготовить доклад", "responsibleExecutor", "executor1",
                "coExecutors", json("[\"executor2\"]"), "deadline", LocalDate.now().plusDays(7).toString(),
                "onControl", true)));
        assertOk(submit("manager", businessKey, "Task_ReviewResolution", Map.of(
                "resolutionText", "Подготовить доклад к 1 декабря", "responsibleExecutor", "executor1",
                "coExecutors", json("[\"executor2\"]"), "deadline", LocalDate.now().plusDays(7).toString(),
                "onControl", true, "managerDecision", "approve")));
        assertOk(submit("executor2", businessKey, "Task_ExecuteAssignment", Map.of("reportText", "Данные по бюджету")));
        assertOk(submit("executor1", businessKey, "Task_ExecuteAssignment", Map.of("reportText", "Доклад направлен")));
        assertOk(submit("controller", businessKey, "Task_ControlReport",
                Map.of("controllerDecision", "return", "controllerComment", "Нет даты направления")));
        assertOk(submit("executor1", businessKey, "Task_ReworkReport",
                Map.of("reportText", "Доклад направлен " + LocalDate.now())));
        assertOk(submit("controller", businessKey, "Task_ControlReport", Map.of("controllerDecision", "accept")));
        assertOk(submit("registrar", businessKey, "Task_CloseDocument",
                Map.of("executionMark", "Доклад направлен", "fileReference", "02-05")));

        JsonNode card = card("registrar", documentId);
        assertThat(card.get("status").asText()).isEqualTo("CLOSED");
        assertThat(card.get("registrationNumber").asText()).startsWith("Вх-");
        assertThat(card.get("fileReference").asText()).isEqualTo("02-05");
        JsonNode resolution = card.get("resolutions").get(0);
        assertThat(resolution.get("text").asText()).isEqualTo("Подготовить доклад к 1 декабря");
        assertThat(resolution.get("approvedBy").asText()).isEqualTo("manager");
        assertThat(resolution.get("assignments")).hasSize(2);
        assertThat(resolution.get("assignments").get(0).get("reports").get(1).get("decision").asText()).isEqualTo("ACCEPTED");
        assertThat(card.get("history").findValuesAsText("action")).containsExactly(
                "CREATED", "REGISTERED", "RESOLUTION_DRAFTED", "RESOLUTION_APPROVED", "CONTRIBUTION_SUBMITTED",
                "REPORT_SUBMITTED", "REPORT_RETURNED", "REPORT_SUBMITTED", "REPORT_ACCEPTED", "CLOSED");
        assertThat(card.get("history").findValuesAsText("actor")).containsExactly(
                "registrar", "registrar", "assistant", "manager", "executor2", "executor1", "controller", "executor1",
                "controller", "registrar");
        assertThat(card.get("history").get(3).get("details").asText()).startsWith("С изменениями руководителя");
    }

    @Test
    void attachmentsKeepTheirBytesTypeAndChecksum() throws Exception {
        long documentId = Long.parseLong(as("registrar").post()
                .uri("/engine-rest/process-definition/key/incoming-document/start")
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().body(JsonNode.class)
                .get("businessKey").asText());
        byte[] scan = "%PDF-1.7 скан письма".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ResponseEntity<JsonNode> uploaded = upload("registrar", documentId, "письмо.pdf", "application/pdf", scan);
        assertThat(uploaded.getStatusCode().value()).isEqualTo(201);
        assertThat(uploaded.getBody().get("sha256").asText())
                .isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(scan)));

        ResponseEntity<byte[]> downloaded = as("registrar").get()
                .uri("/api/documents/{d}/attachments/{a}", documentId, uploaded.getBody().get("id").asLong())
                .retrieve().toEntity(byte[].class);
        assertThat(downloaded.getBody()).isEqualTo(scan);
        assertThat(downloaded.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(downloaded.getHeaders().getContentDisposition().getFilename()).isEqualTo("письмо.pdf");

        ResponseEntity<JsonNode> empty = upload("registrar", documentId, "empty.pdf", "application/pdf", new byte[0]);
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(empty.getBody().get("detail").asText()).isEqualTo("Файл пустой.");

        // Scans above the old 20 MB are taken now; the 200 MB limit itself is FileStreamingIT's.
        ResponseEntity<JsonNode> scan21 = upload("registrar", documentId, "big.pdf", "application/pdf",
                new byte[21 * 1024 * 1024]);
        assertThat(scan21.getStatusCode().value()).isEqualTo(201);
        assertThat(card("registrar", documentId).get("attachments")).hasSize(2);
    }

    @Test
    void apiAnswersProblemsNotStackTraces() {
        ResponseEntity<JsonNode> missing = as("registrar").get().uri("/api/documents/999999999").retrieve()
                .toEntity(JsonNode.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody().get("title").asText()).isEqualTo("Не найдено");
        assertThat(missing.getBody().toString()).doesNotContain("Exception").doesNotContain("at ru.msed");

        ResponseEntity<String> anonymousApi = RestClient.create("http://localhost:" + port).get().uri("/api/documents/1")
                .retrieve().onStatus(HttpStatusCode::isError, (rq, rs) -> { }).toEntity(String.class);
        assertThat(anonymousApi.getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> anonymousEngine = RestClient.create("http://localhost:" + port).get().uri("/engine-rest/task")
                .retrieve().onStatus(HttpStatusCode::isError, (rq, rs) -> { }).toEntity(String.class);
        assertThat(anonymousEngine.getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> wrongPassword = RestClient.builder().baseUrl("http://localhost:" + port)
                // Not a user the other tests log in as: a wrong password delays that user's next login.
                .defaultHeaders(h -> h.setBasicAuth("analyst", "wrong")).build().get().uri("/engine-rest/task")
                .retrieve().onStatus(HttpStatusCode::isError, (rq, rs) -> { }).toEntity(String.class);
        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void databaseIsUtf8WithCyrillicCaseMapping() {
        assertThat(jdbc.queryForObject("select upper('входящий')", String.class)).isEqualTo("ВХОДЯЩИЙ");
        assertThat(jdbc.queryForObject("show server_encoding", String.class)).isEqualTo("UTF8");
    }

    private Map<String, Object> json(String value) {
        return Map.of("value", value, "type", "Json");
    }

    private ResponseEntity<JsonNode> submit(String user, String businessKey, String taskKey, Map<String, Object> values) {
        // By the card's id (the business key): the resolution's tasks are in the consideration the instance calls.
        JsonNode tasks = as(user).get()
                .uri("/engine-rest/task?processInstanceBusinessKey={p}&taskDefinitionKey={k}"
                        + (taskKey.equals("Task_ExecuteAssignment") ? "&assignee=" + user : ""), businessKey, taskKey)
                .retrieve().body(JsonNode.class);
        assertThat(tasks).as("open %s for %s", taskKey, user).hasSize(1);
        String taskId = tasks.get(0).get("id").asText();
        if (tasks.get(0).get("assignee").isNull()) {
            assertOk(as(user).post().uri("/engine-rest/task/{id}/claim", taskId).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("userId", user)).retrieve().toEntity(JsonNode.class));
        }
        ObjectNode variables = json.createObjectNode();
        values.forEach((name, value) -> variables.set(name, value instanceof Map
                ? json.valueToTree(value) : json.createObjectNode().set("value", json.valueToTree(value))));
        ResponseEntity<JsonNode> response = as(user).post().uri("/engine-rest/task/{id}/submit-form", taskId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables)).retrieve()
                .toEntity(JsonNode.class);
        return response;
    }

    private JsonNode card(String user, long documentId) {
        return as(user).get().uri("/api/documents/{id}", documentId).retrieve().body(JsonNode.class);
    }

    private ResponseEntity<JsonNode> upload(String user, long documentId, String name, String type, byte[] content) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(type));
        partHeaders.setContentDispositionFormData("file", name);
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new org.springframework.http.HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }, partHeaders));
        return as(user).post().uri("/api/documents/{id}/attachments", documentId)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).retrieve().toEntity(JsonNode.class);
    }

    private static void assertOk(ResponseEntity<?> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
    }
}
