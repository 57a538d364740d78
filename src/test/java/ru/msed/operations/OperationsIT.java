package ru.msed.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;

/** Probes for anyone, the rest of the actuator for technical support only; the engine's metrics in Prometheus format. */
@MsedIntegrationTest
class OperationsIT {

    @LocalServerPort
    int port;
    @Autowired
    OperationalGauges gauges;
    @Autowired
    ru.msed.execution.OverdueAssignments overdue;

    @Test
    void probesAnswerAnonymouslyWithTheDatabaseAndTheEngineInReadiness() {
        ResponseEntity<JsonNode> liveness = Http.anonymous(port).get().uri("/actuator/health/liveness").retrieve().toEntity(JsonNode.class);
        assertThat(liveness.getStatusCode().value()).isEqualTo(200);
        assertThat(liveness.getBody().get("status").asText()).isEqualTo("UP");
        ResponseEntity<JsonNode> readiness = Http.anonymous(port).get().uri("/actuator/health/readiness").retrieve().toEntity(JsonNode.class);
        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat(readiness.getBody().get("components").fieldNames()).toIterable()
                .contains("db", "processEngine", "readinessState");
        assertThat(readiness.getBody().toString()).as("no details for anonymous callers").doesNotContain("PostgreSQL");
    }

    @Test
    void everythingElseNeedsTechnicalSupport() {
        assertThat(Http.anonymous(port).get().uri("/actuator/prometheus").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
        assertThat(Http.anonymous(port).get().uri("/actuator/health").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
        ResponseEntity<JsonNode> registrar = Http.as(port, "registrar").get().uri("/actuator/metrics").retrieve().toEntity(JsonNode.class);
        assertThat(registrar.getStatusCode().value()).isEqualTo(403);
        assertThat(registrar.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(registrar.getBody().get("detail").asText()).contains("технической поддержке");
        assertThat(Http.as(port, "support").get().uri("/actuator/health").retrieve().toEntity(JsonNode.class).getBody()
                .get("components").get("processEngine").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsTheEngineAndTheSharedState() {
        // An engine event on this node (an instance started) and the gauges refreshed.
        Http.as(port, "registrar").post().uri("/engine-rest/process-definition/key/incoming-document/start")
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toBodilessEntity();
        gauges.refresh();

        String metrics = Http.as(port, "support").get().uri("/actuator/prometheus").retrieve().body(String.class);

        assertThat(metrics).contains("msed_engine_events_total{application=\"msed\",event=\"activity-instance-start\"}")
                .contains("msed_tasks_open{").contains("msed_incidents_open{").contains("msed_import_imported{")
                .contains("hikaricp_connections_active");
        // Per organization, only those with overdue assignments have a series; the query itself must run.
        assertThat(overdue.countByOrganization()).allSatisfy((organization, count) -> assertThat(count).isPositive());
        assertThat(metrics.lines().filter(line -> line.startsWith("msed_tasks_open{")).findFirst().orElseThrow())
                .doesNotEndWith(" 0.0");
    }

    @Test
    void logLinesOfARequestCarryItsUserAndOrganization() throws Exception {
        List<String> seen = new ArrayList<>();
        var filter = new RequestLogContext(org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine());
        var engine = org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine();
        engine.getIdentityService().setAuthentication("registrar", List.of("registrar"), List.of("DEMO"));
        try {
            filter.doFilter(new org.springframework.mock.web.MockHttpServletRequest(), new org.springframework.mock.web.MockHttpServletResponse(),
                    (request, response) -> {
                        seen.add(MDC.get(RequestLogContext.USER));
                        seen.add(MDC.get(RequestLogContext.ORGANIZATION));
                    });
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(seen).containsExactly("registrar", "DEMO");
        assertThat(MDC.get(RequestLogContext.USER)).isNull();
    }
}
