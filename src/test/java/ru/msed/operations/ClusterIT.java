package ru.msed.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import ru.msed.Http;
import ru.msed.StandaloneIntegrationTest;
import ru.msed.database.EmbeddedPostgresProperties;
import ru.msed.database.EmbeddedPostgresServer;

/**
 * Two application processes (the built jar, {@link AppProcess#extracted() extracted}) on one
 * PostgreSQL, as docker-compose.yml runs them: started together without duplicating shared data,
 * each seeing the other's work, a login made on one valid on the other (sessions in the database,
 * CSRF included), due timers fired once, and the jobs locked by a node killed with SIGKILL run by
 * the other within the lock time plus max-wait.
 */
@StandaloneIntegrationTest
class ClusterIT {

    static final Duration LOCK_TIME = Duration.ofSeconds(10);
    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    static final int TIMERS = 60;
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoNodesShareWorkSessionsAndJobsAndTakeOverTheJobsOfADeadNode() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(
                "target/cluster-it/postgres", 0, true, Map.of("fsync", "off", "synchronous_commit", "off"), null, null))) {
            JdbcTemplate db = new JdbcTemplate(postgres.dataSource());
            List<String> arguments = List.of("--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres",
                    "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
                    "--camunda.bpm.job-execution.max-wait=" + MAX_WAIT.toMillis(),
                    "--camunda.bpm.job-execution.wait-time-in-millis=1000");
            try (AppProcess a = AppProcess.startExtracted("cluster-a", AppProcess.freePort(), arguments);
                    AppProcess b = AppProcess.startExtracted("cluster-b", AppProcess.freePort(), arguments)) {
                a.awaitReady(Duration.ofMinutes(4));
                b.awaitReady(Duration.ofMinutes(4));

                // Started together: the start-up steps ran once (under the advisory lock).
                assertThat(db.queryForObject("SELECT count(*) FROM act_ru_filter", Integer.class)).isEqualTo(8);
                assertThat(db.queryForObject("SELECT count(*) FROM organization WHERE code = 'DEMO'", Integer.class)).isEqualTo(1);
                assertThat(db.queryForList("""
                        SELECT group_id_, resource_type_, resource_id_ FROM act_ru_authorization WHERE group_id_ IS NOT NULL
                         GROUP BY 1, 2, 3 HAVING count(*) > 1""")).isEmpty();
                assertThat(db.queryForList("""
                        SELECT user_id_, resource_type_, resource_id_ FROM act_ru_authorization WHERE user_id_ IS NOT NULL
                         GROUP BY 1, 2, 3 HAVING count(*) > 1""")).isEmpty();

                // Work done on one node is seen on the other.
                HttpLifecycles onA = new HttpLifecycles(a.port);
                HttpLifecycles.Started document = onA.start();
                onA.step(document.instanceId());
                // The resolution is drafted in the consideration the registration called: same business key, the card's id.
                JsonNode onB = Http.as(b.port, "assistant").get().uri("/engine-rest/task?processInstanceBusinessKey={key}"
                        + "&taskDefinitionKey=Task_DraftResolution", document.documentId()).retrieve().body(JsonNode.class);
                assertThat(onB).hasSize(1);

                // A webapp login on A, with its CSRF token, is a login on B.
                Browser browser = new Browser();
                browser.login(a.port, "assistant");

                // Due timers, then A dies holding some of their jobs while B is frozen.
                deployTimerProcess(b.port);
                startTimers(b.port);
                new ProcessBuilder("kill", "-STOP", Long.toString(b.pid())).start().waitFor();
                List<String> lockedByA;
                try {
                    long deadline = System.currentTimeMillis() + 120_000;
                    while (db.queryForObject("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL", Integer.class) == 0) {
                        assertThat(System.currentTimeMillis()).as("A never locked a job").isLessThan(deadline);
                        Thread.sleep(20);
                    }
                    AppProcess.kill9(a.pid());
                    lockedByA = db.queryForList("SELECT id_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL", String.class);
                } finally {
                    new ProcessBuilder("kill", "-CONT", Long.toString(b.pid())).start().waitFor();
                }
                long killed = System.nanoTime();
                assertThat(lockedByA).as("jobs A held when it died").isNotEmpty();
                while (db.queryForObject("SELECT count(*) FROM act_ru_job WHERE id_ IN (" + quoted(lockedByA) + ")", Integer.class) > 0) {
                    assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("failover").isLessThan(Duration.ofMinutes(2));
                    Thread.sleep(100);
                }
                Duration failover = Duration.ofNanos(System.nanoTime() - killed);
                // The documented bound: the lock expires, then B's next acquisition (at most max-wait later) takes them.
                assertThat(failover).isLessThan(LOCK_TIME.plus(MAX_WAIT).plusSeconds(10));
                long deadline = System.currentTimeMillis() + 60_000;
                while (db.queryForObject("SELECT count(*) FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_"
                        + " WHERE d.key_ = 'cluster-timer'", Integer.class) > 0) {
                    assertThat(System.currentTimeMillis()).as("every timer fired").isLessThan(deadline);
                    Thread.sleep(200);
                }
                // Each timer fired exactly once.
                assertThat(db.queryForObject("SELECT count(*) FROM act_hi_actinst WHERE act_id_ = 'Timer' AND end_time_ IS NOT NULL",
                        Integer.class)).isEqualTo(TIMERS);
                assertThat(db.queryForObject("SELECT count(DISTINCT proc_inst_id_) FROM act_hi_actinst WHERE act_id_ = 'Timer'",
                        Integer.class)).isEqualTo(TIMERS);

                // A is gone; its session lives on in B, CSRF-protected writes included.
                JsonNode tasks = browser.getJson(b.port, "/camunda/api/engine/engine/default/task?processInstanceBusinessKey="
                        + document.documentId() + "&taskDefinitionKey=Task_DraftResolution");
                assertThat(tasks).hasSize(1);
                String claim = "/camunda/api/engine/engine/default/task/" + tasks.get(0).get("id").asText() + "/claim";
                String tokenFromA = browser.csrf;
                assertThat(browser.fetchToken(b.port)).as("no new CSRF token: B finds the session's").isEqualTo(tokenFromA);
                assertThat(browser.post(b.port, claim, "{\"userId\":\"assistant\"}")).isEqualTo(204);
                assertThat(browser.getStatus(b.port, "/api/account")).isEqualTo(200);
                // And the protection holds: a write without the token is refused (and ends the session, as on one node).
                assertThat(browser.postWithoutToken(b.port, claim, "{\"userId\":\"assistant\"}")).isEqualTo(403);

                System.out.printf("ClusterIT: %d jobs locked by the killed node ran on the other %d ms after the kill"
                        + " (lock time %d s, max-wait %d s)%n", lockedByA.size(), failover.toMillis(), LOCK_TIME.toSeconds(),
                        MAX_WAIT.toSeconds());
            }
        }
    }

    private static String quoted(List<String> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }

    private static void deployTimerProcess(int port) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_ClusterTimer" targetNamespace="http://msed.ru/test">
                  <bpmn:process id="cluster-timer" name="Таймер" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start"/>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Timer"/>
                    <bpmn:intermediateCatchEvent id="Timer">
                      <bpmn:timerEventDefinition><bpmn:timeDuration>PT20S</bpmn:timeDuration></bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Timer" targetRef="End"/>
                    <bpmn:endEvent id="End"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "cluster-timer");
        body.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "cluster-timer.bpmn";
            }
        });
        int status = Http.as(port, "support").post().uri("/engine-rest/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body).retrieve().toBodilessEntity().getStatusCode().value();
        assertThat(status).isEqualTo(200);
    }

    private static void startTimers(int port) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> starts = new ArrayList<>();
            for (int i = 0; i < TIMERS; i++) {
                starts.add(pool.submit(() -> Http.as(port, "support").post().uri("/engine-rest/process-definition/key/cluster-timer/start")
                        .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toBodilessEntity().getStatusCode().value()));
            }
            for (Future<Integer> start : starts) {
                assertThat(start.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A browser's cookie jar (cookies of "localhost" go to every port) and the webapps' CSRF token. */
    static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private String csrf;

        /** As the pages do before a write ({@code msed.js}): the session's token, from whichever node answers. */
        String fetchToken(int port) throws Exception {
            HttpResponse<Void> token = http.send(HttpRequest.newBuilder(uri(port, "/camunda/api/admin/auth/user/default"))
                    .header("X-XSRF-TOKEN", "Fetch").build(), HttpResponse.BodyHandlers.discarding());
            // A token is sent when the session gets one; later fetches keep it.
            token.headers().firstValue("X-XSRF-TOKEN").ifPresent(issued -> csrf = issued);
            return csrf;
        }

        void login(int port, String user) throws Exception {
            fetchToken(port);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri(port, "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("X-XSRF-TOKEN", csrf).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            login.headers().firstValue("X-XSRF-TOKEN").ifPresent(issued -> csrf = issued);
            fetchToken(port);
        }

        JsonNode getJson(int port, String path) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        int getStatus(int port, String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(port, path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        /** A write as the webapps send it: the session cookie and the session's CSRF token. */
        int post(int port, String path, String json) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, path)).header("X-XSRF-TOKEN", csrf)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                System.out.println("POST " + path + " -> " + response.statusCode() + " " + response.headers().map() + " " + response.body());
            }
            return response.statusCode();
        }

        /** Without the token the same write is refused (so the token above is what let it through). */
        int postWithoutToken(int port, String path, String json) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        private static URI uri(int port, String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

}
