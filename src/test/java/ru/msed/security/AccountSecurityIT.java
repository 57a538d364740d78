package ru.msed.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.SecondOrganization;

/** Issued passwords and the policy, disabling a user, roles, and the audit trail. */
@MsedIntegrationTest
class AccountSecurityIT {

    @LocalServerPort
    int port;
    @Autowired
    SecondOrganization second;
    @Autowired
    ProcessDriver driver;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void organizations() {
        second.ensure();
    }

    @Test
    void issuedPasswordMustBeChangedUnderThePolicy() {
        String temporary = as("admin", "demo").post().uri("/api/admin/users/demo-temp/password").retrieve()
                .body(JsonNode.class).get("temporaryPassword").asText();

        ResponseEntity<JsonNode> blocked = as("demo-temp", temporary).get().uri("/engine-rest/task").retrieve()
                .toEntity(JsonNode.class);
        assertThat(blocked.getStatusCode().value()).isEqualTo(403);
        assertThat(blocked.getBody().get("title").asText()).isEqualTo("Смените пароль");
        assertThat(as("demo-temp", temporary).get().uri("/api/account").retrieve().body(JsonNode.class)
                .get("mustChangePassword").asBoolean()).isTrue();

        assertThat(change(temporary, temporary, "Short1", "Short1")).contains("не короче 10 символов");
        assertThat(change(temporary, temporary, "TolkoBukvyBezCifr", "TolkoBukvyBezCifr")).contains("буквы и цифры");
        assertThat(change(temporary, temporary, "Новиков2026год", "Новиков2026год")).contains("фамилию");
        assertThat(change(temporary, temporary, "demo-temp-2026x", "demo-temp-2026x")).contains("фамилию или имя пользователя");
        assertThat(change(temporary, temporary, "Nadezhny2026parol", "Nadezhny2026parol!")).contains("не совпадают");
        assertThat(change(temporary, temporary, temporary, temporary)).contains("отличаться от прежнего");
        assertThat(change(temporary, temporary, "1111111111a", "1111111111a")).contains("слишком простой");
        assertThat(change(temporary, temporary, "Qwerty123456", "Qwerty123456")).contains("самых распространённых");
        assertThat(change(temporary, temporary, "йцукен2026!", "йцукен2026!")).contains("самых распространённых");
        assertThat(change(temporary, temporary, "Минцифры2026до", "Минцифры2026до")).contains("название или код организации");
        assertThat(engine.getIdentityService().checkPassword("demo-temp", temporary)).as("nothing changed").isTrue();
        assertThat(change(temporary, "neverny", "Nadezhny2026parol", "Nadezhny2026parol"))
                .contains("Текущий пароль указан неверно");

        ResponseEntity<JsonNode> changed = as("demo-temp", temporary).post().uri("/api/account/password")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("currentPassword", temporary,
                        "newPassword", "Nadezhny2026parol", "newPasswordRepeat", "Nadezhny2026parol"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(as("demo-temp", "Nadezhny2026parol").get().uri("/engine-rest/task").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(as("demo-temp", temporary).get().uri("/engine-rest/task").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void disabledUserCannotLogInAndTheirTasksGoBackToTheDepartment() {
        ProcessInstance instance = driver.onExecution("demo-leaver", List.of(), true);
        Task task = driver.taskOf(instance, "Task_ExecuteAssignment", "demo-leaver");

        assertThat(as("admin", "demo").post().uri("/api/admin/users/demo-leaver/disable").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(200);

        Task handedBack = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(handedBack.getAssignee()).isNull();
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains("dept-legal");
        assertThat(status("demo-leaver", "demo")).isEqualTo(401);
        // The login page no longer offers them.
        assertThat(RestClient.create("http://localhost:" + port).get().uri("/login-api/organizations/DEMO/staff?q=Павл")
                .retrieve().body(JsonNode.class).findValuesAsText("name")).doesNotContain("Павлов Т. Т.");
    }

    @Test
    void theLastAdministratorOfAnOrganizationCannotBeDisabledOrLoseTheRole() {
        for (RestClient who : List.of(as("alt-admin", "demo"), as("support", "demo"))) {
            ResponseEntity<JsonNode> disabled = who.post().uri("/api/admin/users/alt-admin/disable").retrieve()
                    .toEntity(JsonNode.class);
            assertThat(disabled.getStatusCode().value()).isEqualTo(400);
            assertThat(disabled.getBody().get("detail").asText()).contains("последний администратор организации");
            ResponseEntity<JsonNode> demoted = who.put().uri("/api/admin/users/alt-admin/roles")
                    .contentType(MediaType.APPLICATION_JSON).body(List.of("EXECUTOR")).retrieve().toEntity(JsonNode.class);
            assertThat(demoted.getStatusCode().value()).isEqualTo(400);
        }
        assertThat(jdbc.queryForObject("SELECT enabled FROM employee WHERE user_id = 'alt-admin'", Boolean.class)).isTrue();
        assertThat(engine.getIdentityService().createUserQuery().userId("alt-admin").memberOfGroup("org-admin").count())
                .isEqualTo(1);

        // With a second administrator, either may step down.
        assertThat(as("alt-admin", "demo").put().uri("/api/admin/users/alt-temp/roles").contentType(MediaType.APPLICATION_JSON)
                .body(List.of("EXECUTOR", "ORGANIZATION_ADMIN")).retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(as("alt-admin", "demo").put().uri("/api/admin/users/alt-temp/roles").contentType(MediaType.APPLICATION_JSON)
                .body(List.of("EXECUTOR")).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void organizationAdministratorChangesRolesAndReadsTheAuditTrail() {
        ResponseEntity<String> roles = as("admin", "demo").put().uri("/api/admin/users/demo-temp/roles")
                .contentType(MediaType.APPLICATION_JSON).body(List.of("EXECUTOR", "CONTROLLER")).retrieve().toEntity(String.class);
        assertThat(roles.getStatusCode().value()).isEqualTo(200);
        assertThat(engine.getIdentityService().createUserQuery().userId("demo-temp").memberOfGroup("controller").count())
                .isEqualTo(1);
        ResponseEntity<JsonNode> unknownRole = as("admin", "demo").put().uri("/api/admin/users/demo-temp/roles")
                .contentType(MediaType.APPLICATION_JSON).body(List.of("KING")).retrieve().toEntity(JsonNode.class);
        assertThat(unknownRole.getStatusCode().value()).isEqualTo(400);
        assertThat(as("executor1", "demo").get().uri("/api/admin/users").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(403);

        driver.registered();
        String period = "?from=" + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1);
        JsonNode events = as("admin", "demo").get().uri("/api/audit" + period).retrieve().body(JsonNode.class);
        assertThat(events.findValuesAsText("action")).contains("ROLES_CHANGED", "REGISTERED");
        assertThat(events.findValuesAsText("organizationId")).containsOnly(events.get(0).get("organizationId").asText());
        JsonNode rolesEvent = null;
        for (JsonNode event : events) {
            if (event.get("action").asText().equals("ROLES_CHANGED")) {
                rolesEvent = event;
            }
        }
        assertThat(rolesEvent.get("actor").asText()).isEqualTo("admin");
        assertThat(rolesEvent.get("remoteAddress").asText()).isEqualTo("127.0.0.1");

        ResponseEntity<String> csv = as("admin", "demo").get().uri("/api/audit.csv" + period).retrieve().toEntity(String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).contains("время;кто;действие").contains("ROLES_CHANGED");
        assertThat(as("alt-admin", "demo").get().uri("/api/audit" + period).retrieve().body(JsonNode.class)
                .findValuesAsText("actor")).doesNotContain("admin");
        assertThat(as("controller", "demo").get().uri("/api/audit" + period).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(403);

        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'someone'")).hasMessageContaining("append-only");
    }

    private String change(String loginPassword, String current, String password, String repeat) {
        ResponseEntity<JsonNode> response = as("demo-temp", loginPassword).post().uri("/api/account/password")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("currentPassword", current, "newPassword", password, "newPasswordRepeat", repeat))
                .retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        return response.getBody().get("detail").asText();
    }

    private int status(String user, String password) {
        return as(user, password).get().uri("/engine-rest/task").retrieve().toEntity(String.class).getStatusCode().value();
    }

    private RestClient as(String user, String password) {
        return Http.as(port, user, password);
    }
}
