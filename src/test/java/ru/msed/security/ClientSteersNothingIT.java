package ru.msed.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.SecondOrganization;
import ru.msed.WebSession;
import ru.msed.connection.ConnectionRequests;
import ru.msed.connection.RequestWorkbookBuilder;
import ru.msed.document.Document;
import ru.msed.document.DocumentService;
import ru.msed.document.DocumentStatus;
import ru.msed.organization.OrganizationService;

/**
 * The attacks of the security review, replayed with ordinary accounts: each now answers a 4xx with
 * a Russian problem and changes nothing in PostgreSQL.
 */
@MsedIntegrationTest
class ClientSteersNothingIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    SecondOrganization second;
    @Autowired
    DocumentService documents;
    @Autowired
    ConnectionRequests requests;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void organizations() {
        second.ensure();
    }

    @Test
    void registrarCannotPointHerRegistrationAtAnotherOrganizationsCard() {
        ProcessInstance alien = driver.startRegistrationAs("alt-registrar");
        long alienCard = driver.documentId(alien);
        long alienCardsBefore = registeredCardsOf(SecondOrganization.CODE);
        ProcessInstance own = driver.startRegistrationAs("registrar");
        Task fill = driver.task(own, "Task_FillRegistrationCard");
        Map<String, Object> forged = variables(ProcessDriver.validCard());
        forged.put("documentId", Map.of("value", alienCard, "type", "Long"));

        ResponseEntity<String> rest = post("registrar", "/engine-rest/task/" + fill.getId() + "/submit-form",
                Map.of("variables", forged));
        assertRefused(rest.getStatusCode().value(), rest.getBody(), "documentId");

        WebSession tasklist = new WebSession(port, "127.0.0.21");
        assertThat(tasklist.webappLogin("registrar", "demo").status()).isEqualTo(200);
        WebSession.Response webapp = tasklist.postJson("/camunda/api/engine/engine/default/task/" + fill.getId()
                + "/submit-form", Map.of("variables", forged));
        assertRefused(webapp.status(), webapp.body(), "documentId");

        // Even past the REST guard (the Java API takes any variable), the delegate refuses a forged card.
        Map<String, Object> javaForged = new HashMap<>(ProcessDriver.validCard());
        javaForged.put("documentId", alienCard);
        assertThatThrownBy(() -> driver.complete(fill, "registrar", javaForged)).isInstanceOf(AuthorizationException.class);

        Document untouched = documents.document(alienCard);
        assertThat(untouched.getStatus()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(untouched.getSummary()).isNull();
        assertThat(untouched.getRegistrationNumber()).isNull();
        assertThat(registeredCardsOf(SecondOrganization.CODE)).isEqualTo(alienCardsBefore);
        assertThat(driver.task(own, "Task_FillRegistrationCard")).isNotNull();
        assertThat(engine.getRuntimeService().getVariable(own.getId(), "documentId")).isEqualTo(driver.documentId(own));
    }

    @Test
    void initiatorIsAlwaysTheAuthenticatedUser() {
        ResponseEntity<String> spoofed = post("registrar", "/engine-rest/process-definition/key/incoming-document/start",
                Map.of("variables", Map.of("initiator", Map.of("value", "alt-registrar"))));
        assertRefused(spoofed.getStatusCode().value(), spoofed.getBody(), "initiator");
        ResponseEntity<String> keyed = post("registrar", "/engine-rest/process-definition/key/incoming-document/start",
                Map.of("businessKey", "5"));
        assertThat(keyed.getStatusCode().value()).isEqualTo(400);

        ResponseEntity<JsonNode> started = Http.as(port, "registrar").post()
                .uri("/engine-rest/process-definition/key/incoming-document/start").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of()).retrieve().toEntity(JsonNode.class);
        assertThat(started.getStatusCode().value()).isEqualTo(200);
        String instanceId = started.getBody().get("id").asText();
        assertThat(engine.getRuntimeService().getVariable(instanceId, "initiator")).isEqualTo("registrar");
        Document card = documents.document(Long.parseLong(started.getBody().get("businessKey").asText()));
        assertThat(card.getCreatedBy()).isEqualTo("registrar");

        // A start through the Java API with a forged initiator still creates the card for the one logged in.
        ProcessInstance javaStart = driver.as("registrar", () -> engine.getRuntimeService()
                .startProcessInstanceByKey("incoming-document", Map.of("initiator", "alt-registrar")));
        assertThat(engine.getRuntimeService().getVariable(javaStart.getId(), "initiator")).isEqualTo("registrar");
        assertThat(driver.task(javaStart, "Task_FillRegistrationCard").getAssignee()).isEqualTo("registrar");
        assertThat(javaStart.getTenantId()).isEqualTo("DEMO");
    }

    @Test
    void organizationAdministratorCannotStartConnectionRequestsThroughTheEngine() {
        long requestsBefore = count("SELECT count(*) FROM connection_request");
        String statusesBefore = jdbc.queryForObject("SELECT coalesce(string_agg(id || status || coalesce(organization_code, ''),"
                + " ',' ORDER BY id), '') FROM connection_request", String.class);
        long notificationsBefore = count("SELECT count(*) FROM notification");
        long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("connection-request")
                .count();

        ResponseEntity<String> started = post("admin", "/engine-rest/process-definition/key/connection-request/start",
                Map.of("variables", Map.of("requestId", Map.of("value", 1, "type", "Long"),
                        "applicant", Map.of("value", "admin"))));
        assertThat(started.getStatusCode().value()).isEqualTo(403);
        assertThat(started.getBody()).contains("запускает только система");
        ResponseEntity<String> bare = post("admin", "/engine-rest/process-definition/key/connection-request/start", Map.of());
        assertThat(bare.getStatusCode().value()).isEqualTo(403);

        assertThat(count("SELECT count(*) FROM connection_request")).isEqualTo(requestsBefore);
        assertThat(jdbc.queryForObject("SELECT coalesce(string_agg(id || status || coalesce(organization_code, ''),"
                + " ',' ORDER BY id), '') FROM connection_request", String.class)).isEqualTo(statusesBefore);
        assertThat(count("SELECT count(*) FROM notification")).isEqualTo(notificationsBefore);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("connection-request").count())
                .isEqualTo(instancesBefore);
    }

    @Test
    void connectionRequestsOfSupportAreVisibleToNoOrganization() {
        var request = driver.as("support", () -> requests.submit("support", "zayavka.xlsx",
                RequestWorkbookBuilder.newOrganization("7701009901").connect("Яковлев", "Ян", "Отдел", "Исполнитель").build(),
                "letter.pdf", "application/pdf", new byte[] {1, 2, 3}, null));
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("connection-request").processInstanceBusinessKey(request.getId().toString()).singleResult();
        assertThat(instance.getTenantId()).isEqualTo(OrganizationService.SUPPORT_TENANT);

        for (String controller : List.of("controller", "alt-controller", "analyst")) {
            JsonNode listed = Http.as(port, controller).get()
                    .uri("/engine-rest/process-instance?processDefinitionKey=connection-request").retrieve().body(JsonNode.class);
            assertThat(listed.findValuesAsText("id")).as(controller).doesNotContain(instance.getId());
            assertThat(Http.as(port, controller).get().uri("/engine-rest/process-instance/" + instance.getId() + "/variables")
                    .retrieve().toBodilessEntity().getStatusCode().is4xxClientError()).as(controller).isTrue();
        }
        JsonNode supportView = Http.as(port, "support").get()
                .uri("/engine-rest/process-instance?processDefinitionKey=connection-request").retrieve().body(JsonNode.class);
        assertThat(supportView.findValuesAsText("id")).contains(instance.getId());
    }

    static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }

    static void assertRefused(int status, String body, String variable) {
        assertThat(status).as(body).isIn(400, 403);
        assertThat(body).contains("«" + variable + "»");
        assertThat(body).doesNotContain("Exception");
    }

    private long registeredCardsOf(String organizationCode) {
        return count("SELECT count(*) FROM document d JOIN organization o ON o.id = d.organization_id "
                + "WHERE o.code = '" + organizationCode + "' AND d.registration_number IS NOT NULL");
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private ResponseEntity<String> post(String user, String uri, Object body) {
        return Http.as(port, user).post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class);
    }
}
