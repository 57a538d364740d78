package ru.msed.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.SecondOrganization;

/**
 * The data of the controllers' Cockpit page: overdue and late-closed assignments of the caller's
 * organization, from every version of the diagram, executors by name; nobody else's, and nothing
 * for roles it is not for.
 */
@MsedIntegrationTest
class ControlBoardIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessDriver driver;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecondOrganization second;
    @Autowired
    Clock clock;

    @Test
    void controllerSeesTheDemoOverdueAndLateAssignmentsByNameWithLinks() {
        JsonNode board = board("controller");
        assertThat(board.get("organization").asText()).isEqualTo("Минцифры ДО");
        JsonNode overdue = only(board.get("overdue"), "О проверке обработки персональных данных", "Иванов И. И. ");
        assertThat(overdue.get("registrationNumber").asText()).startsWith("Вх-");
        assertThat(overdue.get("daysLate").asInt()).isPositive();
        assertThat(LocalDate.parse(overdue.get("dueDate").asText())).isBefore(LocalDate.now(clock));
        assertThat(overdue.get("cardUrl").asText()).isEqualTo("/card.html?id=" + overdue.get("documentId").asText());
        assertThat(overdue.get("instanceUrl").asText()).startsWith("/camunda/app/cockpit/default/#/process-instance/");
        // The co-executor is on the list as well, by name.
        only(board.get("overdue"), "О проверке обработки персональных данных", "Волков Д. А.");
        JsonNode late = only(board.get("closedLate"), "О проведении совещания", "Волков Д. А.");
        assertThat(late.get("completedAt").asText()).isNotBlank();
        // Names, never logins.
        assertThat(board.findValuesAsText("executorName")).isNotEmpty()
                .noneMatch(name -> name.matches("[a-z0-9-]+"));
        ResponseEntity<byte[]> excel = Http.as(port, "controller").get().uri(board.get("reportUrl").asText())
                .retrieve().toEntity(byte[].class);
        assertThat(excel.getStatusCode().value()).isEqualTo(200);
        assertThat(excel.getHeaders().getContentType().toString()).contains("spreadsheetml");
    }

    @Test
    void listsOverdueAssignmentsOfEveryDiagramVersionWithTheirExtensionRequests() throws Exception {
        ProcessInstance older = driver.onExecution("executor2", List.of(), true);
        deployNewVersion();
        ProcessInstance newer = driver.onExecution("executor2", List.of(), true);
        assertThat(definitionVersion(newer)).isGreaterThan(definitionVersion(older));
        driver.complete(driver.taskOf(newer, "Task_ExecuteAssignment", "executor2"), "executor2", Map.of(
                "executorAction", "extension", "extensionReason", "Нет данных от подведомственных",
                "requestedDeadline", LocalDate.now(clock).plusDays(30).toString()));
        for (ProcessInstance instance : List.of(older, newer)) {
            // The deadline passed for both (the application's table is what the list reads).
            jdbc.update("UPDATE assignment SET due_date = ? WHERE resolution_id = (SELECT r.id FROM resolution r "
                    + "WHERE r.document_id = ?)", LocalDate.now(clock).minusDays(4), driver.documentId(instance));
        }

        JsonNode overdue = board("controller").get("overdue");
        List<String> documents = StreamSupport.stream(overdue.spliterator(), false)
                .map(row -> row.get("documentId").asText()).toList();
        assertThat(documents).contains(String.valueOf(driver.documentId(older)), String.valueOf(driver.documentId(newer)));
        JsonNode withRequest = StreamSupport.stream(overdue.spliterator(), false)
                .filter(row -> row.get("documentId").asLong() == driver.documentId(newer)).findFirst().orElseThrow();
        assertThat(withRequest.get("daysLate").asInt()).isEqualTo(4);
        assertThat(withRequest.at("/extensions/0/requestedByName").asText()).isEqualTo("Соколова Е. В.");
        assertThat(withRequest.at("/extensions/0/decision").asText()).isEqualTo("на рассмотрении");
    }

    @Test
    void anotherOrganizationAndOtherRolesGetNoneOfIt() {
        second.ensure();
        JsonNode demo = board("controller");
        List<String> demoDocuments = new ArrayList<>(demo.findValuesAsText("documentId"));
        assertThat(demoDocuments).isNotEmpty();

        JsonNode alt = board("alt-controller");
        assertThat(alt.get("organization").asText()).isEqualTo("Комархитектуры");
        assertThat(alt.findValuesAsText("documentId")).doesNotContainAnyElementsOf(demoDocuments);

        for (String user : List.of("executor1", "registrar", "support")) {
            var refused = Http.as(port, user).get().uri("/api/control/overdue").retrieve().toEntity(JsonNode.class);
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(refused.getBody().get("detail").asText()).as(user).contains("Контроль исполнения доступен");
        }
        assertThat(Http.anonymous(port).get().uri("/api/control/overdue").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(401);
    }

    private JsonNode board(String user) {
        ResponseEntity<JsonNode> response = Http.as(port, user).get().uri("/api/control/overdue").retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(user).isEqualTo(200);
        return response.getBody();
    }

    private static JsonNode only(JsonNode rows, String summary, String executorName) {
        List<JsonNode> found = StreamSupport.stream(rows.spliterator(), false)
                .filter(row -> summary.equals(row.get("summary").asText())
                        && row.get("executorName").asText().startsWith(executorName.strip()))
                .toList();
        assertThat(found).as(summary + " / " + executorName).hasSize(1);
        return found.get(0);
    }

    private int definitionVersion(ProcessInstance instance) {
        return engine.getRepositoryService().getProcessDefinition(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getProcessDefinitionId()).getVersion();
    }

    /** An analyst's redeployment: the same regulation with another version tag, its forms and decision attached. */
    private void deployNewVersion() throws Exception {
        String bpmn = Files.readString(Path.of("processes/incoming-document.bpmn"), StandardCharsets.UTF_8)
                .replaceFirst("camunda:versionTag=\"([^\"]*)\"", "camunda:versionTag=\"$1-control-test\"");
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("msed-incoming-document")
                .addInputStream("incoming-document.bpmn", new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)))
                .addInputStream("document-routing.dmn", Files.newInputStream(Path.of("processes/document-routing.dmn")));
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                deployment.addInputStream(form.getFileName().toString(), Files.newInputStream(form));
            }
        }
        deployment.deploy();
    }
}
