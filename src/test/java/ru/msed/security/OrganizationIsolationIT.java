package ru.msed.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.SecondOrganization;
import ru.msed.WebSession;
import ru.msed.document.AttachmentService;

/**
 * The isolation matrix: every role of each organization tries every family of calls on the
 * other organization's objects through /engine-rest, /api and the webapps' own API that Tasklist
 * calls with its session — all denied (4xx, never 500), nothing changes — and the same calls on its
 * own organization succeed. Users of another organization are not listed, counted or shown.
 */
@MsedIntegrationTest
class OrganizationIsolationIT {

    static final List<String> DEMO_USERS = List.of("registrar", "assistant", "manager", "executor1", "controller", "admin");
    static final List<String> ALT_USERS = List.of("alt-registrar", "alt-assistant", "alt-manager", "alt-executor",
            "alt-controller", "alt-admin");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    SecondOrganization second;
    @Autowired
    AttachmentService attachments;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    record Objects(String instanceId, String taskId, long documentId, long attachmentId, String executor, String tempUser,
            String organization) {
    }

    @BeforeEach
    void organizations() {
        second.ensure();
    }

    @Test
    void eachOrganizationSeesAndChangesOnlyItsOwnObjects() {
        Objects demo = objects("registrar", "assistant", "manager", "executor1", "demo-temp");
        Objects alt = objects("alt-registrar", "alt-assistant", "alt-manager", "alt-executor", "alt-temp");
        assertThat(tenantOf(demo)).isEqualTo("DEMO");
        assertThat(tenantOf(alt)).isEqualTo(SecondOrganization.CODE);

        for (String user : DEMO_USERS) {
            deniedEverything(user, alt);
        }
        for (String user : ALT_USERS) {
            deniedEverything(user, demo);
        }

        // Technical support (camunda-admin) sees every organization, e.g. in Cockpit, and every user.
        assertThat(body("support", "/engine-rest/user?maxResults=100000").findValuesAsText("id"))
                .contains("registrar", "alt-registrar", "support");
        assertThat(body("support", "/engine-rest/process-instance?processInstanceIds=" + demo.instanceId() + ","
                + alt.instanceId()).findValuesAsText("id")).containsExactlyInAnyOrder(demo.instanceId(), alt.instanceId());

        allowedOwn(demo, "registrar", "controller", "admin");
        allowedOwn(alt, "alt-registrar", "alt-controller", "alt-admin");
    }

    private void deniedEverything(String user, Objects other) {
        String why = user + " on " + other;
        assertThat(body(user, "/engine-rest/task?processInstanceId=" + other.instanceId())).as(why).isEmpty();
        assertThat(body(user, "/engine-rest/task?candidateGroup=dept-office&includeAssignedTasks=true")
                .findValuesAsText("processInstanceId")).as(why).doesNotContain(other.instanceId());
        assertDenied(get(user, "/engine-rest/task/" + other.taskId()), why);
        assertDenied(get(user, "/engine-rest/task/" + other.taskId() + "/variables"), why);
        assertDenied(post(user, "/engine-rest/task/" + other.taskId() + "/claim", Map.of("userId", user)), why);
        assertDenied(post(user, "/engine-rest/task/" + other.taskId() + "/complete", Map.of()), why);
        assertDenied(post(user, "/engine-rest/task/" + other.taskId() + "/submit-form",
                Map.of("variables", Map.of("reportText", Map.of("value", "чужой отчёт")))), why);
        assertThat(body(user, "/engine-rest/process-instance?processInstanceIds=" + other.instanceId())).as(why).isEmpty();
        assertDenied(get(user, "/engine-rest/process-instance/" + other.instanceId() + "/variables"), why);
        assertThat(body(user, "/engine-rest/history/process-instance?processInstanceId=" + other.instanceId())).as(why).isEmpty();
        assertThat(body(user, "/engine-rest/history/variable-instance?processInstanceId=" + other.instanceId())).as(why).isEmpty();
        assertThat(body(user, "/engine-rest/history/task?processInstanceId=" + other.instanceId())).as(why).isEmpty();
        assertThat(get(user, "/api/documents/" + other.documentId()).getStatusCode().value()).as(why).isEqualTo(404);
        assertThat(get(user, "/api/documents/" + other.documentId() + "/attachments/" + other.attachmentId())
                .getStatusCode().value()).as(why).isEqualTo(404);
        assertThat(upload(user, other.documentId()).getStatusCode().value()).as(why).isEqualTo(404);
        assertDenied(post(user, "/api/admin/users/" + other.tempUser() + "/password", Map.of()), why);
        // Exchange: no container of another organization's card, none imported into its incoming, no resend of notices.
        long packages = jdbc.queryForObject("SELECT count(*) FROM exchange_package", Long.class);
        assertThat(get(user, "/api/exchange/documents/" + other.documentId() + "/container").getStatusCode().value()).as(why)
                .isEqualTo(404);
        assertDenied(uploadContainer(user, other.organization()), why);
        assertDenied(post(user, "/api/exchange/notices/1/retry", Map.of()), why);
        assertThat(get(user, "/api/exchange/notices/failed").getStatusCode().value()).as(why).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange_package", Long.class)).as(why).isEqualTo(packages);
        // Support's own desk spans organizations: the outbox and the content store's problems are not for staff.
        assertThat(get(user, "/api/admin/notifications").getStatusCode().value()).as(why).isEqualTo(403);
        assertThat(post(user, "/api/admin/notifications/1/retry", Map.of()).getStatusCode().value()).as(why).isEqualTo(403);
        assertThat(get(user, "/api/admin/files/problems").getStatusCode().value()).as(why).isEqualTo(403);
        assertThat(post(user, "/api/admin/files/problems/1/check", Map.of()).getStatusCode().value()).as(why).isEqualTo(403);
        assertDenied(post(user, "/api/admin/users/" + other.tempUser() + "/disable", Map.of()), why);
        assertDenied(put(user, "/engine-rest/user/" + other.tempUser() + "/profile",
                Map.of("id", other.tempUser(), "firstName", "Взлом", "lastName", "Взлом")), why);

        // Users: only the own organization is listed, counted or shown; nobody checks another's password.
        JsonNode users = body(user, "/engine-rest/user?maxResults=100000");
        assertThat(users.findValuesAsText("id")).as(why).contains(user).doesNotContain(other.tempUser(), other.executor());
        assertThat(body(user, "/engine-rest/user/count").get("count").asInt()).as(why).isEqualTo(users.size());
        assertThat(get(user, "/engine-rest/user/" + other.tempUser() + "/profile").getStatusCode().value()).as(why)
                .isEqualTo(404);
        assertThat(body(user, "/engine-rest/user?memberOfGroup=executor").findValuesAsText("id")).as(why)
                .doesNotContain(other.executor());
        // From an address of its own: refused checks count against the target's logins from that address.
        assertThat(as(user).post().uri("/engine-rest/identity/verify").header("X-Forwarded-For", addressOf(user))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("username", other.executor(), "password", "demo"))
                .retrieve().toEntity(String.class).getStatusCode().value()).as(why).isEqualTo(403);

        // The webapps' own APIs (what Tasklist and Cockpit call with the session): refused, never a 500.
        WebSession tasklist = new WebSession(port, addressOf(user));
        assertThat(tasklist.webappLogin(user, "demo").status()).as(why).isEqualTo(200);
        String engineApi = "/camunda/api/engine/engine/default";
        for (String path : List.of("/task/" + other.taskId(), "/task/" + other.taskId() + "/form",
                "/task/" + other.taskId() + "/form-variables", "/task/" + other.taskId() + "/deployed-form",
                "/task/" + other.taskId() + "/variables", "/task/" + other.taskId() + "/identity-links",
                "/process-instance/" + other.instanceId(), "/process-instance/" + other.instanceId() + "/variables",
                "/process-instance/" + other.instanceId() + "/activity-instances")) {
            WebSession.Response response = tasklist.get(engineApi + path);
            assertThat(response.status()).as("%s: GET %s → %s %s", why, path, response.status(), response.body())
                    .isBetween(400, 499);
            if (response.status() == 403) {
                assertThat(response.body()).as(why + " " + path).contains("другой организации");
            }
        }
        // The Camunda Form's variables: the engine's tenant refusal, answered 500 before, is a Russian 403.
        WebSession.Response formVariables = tasklist.get(engineApi + "/task/" + other.taskId() + "/form-variables");
        assertThat(formVariables.status()).as(why).isEqualTo(403);
        assertThat(formVariables.json().get("message").asText()).isEqualTo("Объект принадлежит другой организации.");
        for (String path : List.of("/task/" + other.taskId() + "/claim", "/task/" + other.taskId() + "/complete",
                "/task/" + other.taskId() + "/submit-form")) {
            WebSession.Response response = tasklist.postJson(engineApi + path, Map.of("userId", user, "variables",
                    Map.of("reportText", Map.of("value", "чужой отчёт"))));
            assertThat(response.status()).as("%s: POST %s → %s %s", why, path, response.status(), response.body())
                    .isBetween(400, 499);
        }
        assertThat(tasklist.get(engineApi + "/user?maxResults=100000").json().findValuesAsText("id")).as(why)
                .doesNotContain(other.tempUser(), other.executor());

        // Nothing changed.
        Task task = engine.getTaskService().createTaskQuery().taskId(other.taskId()).singleResult();
        assertThat(task).as(why).isNotNull();
        assertThat(task.getAssignee()).as(why).isEqualTo(other.executor());
        assertThat(engine.getIdentityService().createUserQuery().userId(other.tempUser()).singleResult().getFirstName())
                .isEqualTo("Тест");
    }

    private void allowedOwn(Objects own, String registrar, String controller, String admin) {
        assertThat(body(own.executor(), "/engine-rest/task?processInstanceId=" + own.instanceId())).isNotEmpty();
        assertThat(get(own.executor(), "/engine-rest/task/" + own.taskId() + "/variables").getStatusCode().value()).isEqualTo(200);
        assertThat(get(registrar, "/api/documents/" + own.documentId()).getStatusCode().value()).isEqualTo(200);
        assertThat(get(registrar, "/api/documents/" + own.documentId() + "/attachments/" + own.attachmentId())
                .getStatusCode().value()).isEqualTo(200);
        assertThat(body(controller, "/engine-rest/history/process-instance?processInstanceId=" + own.instanceId())).isNotEmpty();
        assertThat(body(controller, "/engine-rest/process-instance?processInstanceIds=" + own.instanceId())).isNotEmpty();
        // Colleagues' names for Tasklist (assignees, candidates).
        assertThat(body(registrar, "/engine-rest/user/" + own.executor() + "/profile").get("lastName").asText()).isNotBlank();
        assertThat(body(admin, "/api/admin/users").findValuesAsText("userId")).contains(own.tempUser(), admin)
                .doesNotContain(own.tempUser().startsWith("alt") ? "registrar" : "alt-registrar");
        assertThat(post(admin, "/api/admin/users/" + own.tempUser() + "/password", Map.of()).getStatusCode().value())
                .isEqualTo(200);
        assertThat(post(own.executor(), "/engine-rest/task/" + own.taskId() + "/submit-form",
                Map.of("variables", Map.of("reportText", Map.of("value", "Исполнено")))).getStatusCode().value())
                .isEqualTo(204);
    }

    /** A document of the organization on execution, with a file; its executor's open task. */
    private Objects objects(String registrar, String assistant, String manager, String executor, String tempUser) {
        ProcessInstance instance = driver.as(registrar,
                () -> engine.getRuntimeService().startProcessInstanceByKey("incoming-document"));
        driver.complete(driver.task(instance, "Task_FillRegistrationCard"), registrar, ProcessDriver.validCard());
        driver.complete(driver.task(instance, "Task_DraftResolution"), assistant,
                ProcessDriver.resolution(executor, List.of(), true));
        driver.complete(driver.task(instance, "Task_ReviewResolution"), manager, Map.of("managerDecision", "approve"));
        long documentId = driver.documentId(instance);
        long attachmentId = driver.as(registrar, () -> attachments.add(documentId, "скан.pdf", "application/pdf",
                "скан".getBytes(StandardCharsets.UTF_8), registrar).id());
        Task task = driver.taskOf(instance, "Task_ExecuteAssignment", executor);
        // The instance with the executor's task: the consideration the document's regulation called (same tenant).
        return new Objects(task.getProcessInstanceId(), task.getId(), documentId, attachmentId, executor, tempUser,
                engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getTenantId());
    }

    private String tenantOf(Objects objects) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(objects.instanceId())
                .singleResult().getTenantId();
    }

    /** Refused as a client error (401/403/404), never a success and never a server failure. */
    private static void assertDenied(ResponseEntity<?> response, String why) {
        assertThat(response.getStatusCode().is4xxClientError()).as("%s: %s %s", why, response.getStatusCode(),
                response.getBody()).isTrue();
    }

    /** A client address per user (X-Forwarded-For), so refused checks of one do not pause another's. */
    private static String addressOf(String user) {
        int index = DEMO_USERS.indexOf(user) >= 0 ? DEMO_USERS.indexOf(user) : 20 + ALT_USERS.indexOf(user);
        return "192.0.2." + (200 + index);
    }

    private RestClient as(String user) {
        return Http.as(port, user);
    }

    private ResponseEntity<String> get(String user, String uri) {
        return as(user).get().uri(uri).retrieve().toEntity(String.class);
    }

    private JsonNode body(String user, String uri) {
        ResponseEntity<JsonNode> response = as(user).get().uri(uri).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(user + " " + uri).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<String> post(String user, String uri, Object body) {
        return as(user).post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> put(String user, String uri, Object body) {
        return as(user).put().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    /** A transport container imported into another organization's incoming documents. */
    private ResponseEntity<String> uploadContainer(String user, String organization) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("container", new ByteArrayResource("PK".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "container.zip";
            }
        });
        body.add("organization", organization);
        return as(user).post().uri("/api/exchange/containers").contentType(MediaType.MULTIPART_FORM_DATA).body(body).retrieve()
                .toEntity(String.class);
    }

    private ResponseEntity<String> upload(String user, long documentId) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource("x".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "x.txt";
            }
        });
        return as(user).post().uri("/api/documents/{id}/attachments", documentId).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body).retrieve().toEntity(String.class);
    }
}
