package ru.msed.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Staff at work, over HTTP, as Tasklist and the application's pages do it: the MSED login (the
 * session's CSRF token, then {@code /login-api/login}), then round after round: the folders with their
 * counts (the Tasklist plugin's request), the open folder's task page, one task opened (task, form,
 * deployed form, form variables), a pause to read and write, the form submitted with the report, the
 * card page's API and a card search, then a pause before the next round.
 *
 * <p>Settings (system properties): {@code load.url} (default {@code http://localhost:8080}),
 * {@code load.users} simulated staff (10), {@code load.ramp} seconds to bring them all in (users / 10),
 * {@code load.duration} seconds each works after logging in (60), {@code load.users-file} a CSV with
 * {@code staffId,password} per person ({@code target/load-users.csv}, written by {@code --benchmark}),
 * {@code load.think-min}/{@code load.think-max} seconds of a pause (5/15), {@code load.folder} the folder
 * to work from («На исполнение»), {@code load.search} the search words («отопительного»),
 * {@code load.max-error-percent} the share of failed requests that fails the run (100: report only).
 */
public class StaffSimulation extends Simulation {

    static final String ENGINE = "/camunda/api/engine/engine/default";

    private final String url = System.getProperty("load.url", "http://localhost:8080");
    private final int users = Integer.getInteger("load.users", 10);
    private final int ramp = Integer.getInteger("load.ramp", Math.max(1, users / 10));
    private final int duration = Integer.getInteger("load.duration", 60);
    private final String usersFile = System.getProperty("load.users-file", "target/load-users.csv");
    private final double thinkMin = Double.parseDouble(System.getProperty("load.think-min", "5"));
    private final double thinkMax = Double.parseDouble(System.getProperty("load.think-max", "15"));
    private final String folder = System.getProperty("load.folder", "На исполнение");
    private final String search = System.getProperty("load.search", "отопительного");
    private final double maxErrorPercent = Double.parseDouble(System.getProperty("load.max-error-percent", "100"));

    private final HttpProtocolBuilder protocol = http.baseUrl(url)
            .acceptHeader("application/json")
            .acceptLanguageHeader("ru-RU,ru;q=0.9")
            .userAgentHeader("msed-load (Gatling)")
            .disableCaching();

    /** A pause as a person takes it: uniformly between the two bounds. */
    private ChainBuilder think() {
        return pause(Duration.ofMillis(Math.round(thinkMin * 1000)), Duration.ofMillis(Math.round(thinkMax * 1000)));
    }

    /** The login page's steps: a session with a CSRF token, the login, the token of the new session. */
    private final ChainBuilder login = exec(
            http("Вход: токен CSRF").get("/camunda/api/admin/auth/user/default").header("X-XSRF-TOKEN", "Fetch")
                    .check(status().lt(500), header("X-XSRF-TOKEN").saveAs("csrf")),
            http("Вход: /login-api/login").post("/login-api/login").header("X-XSRF-TOKEN", "#{csrf}")
                    .body(StringBody("{\"staffId\":\"#{staffId}\",\"password\":\"#{password}\"}")).asJson()
                    .check(status().is(200), jsonPath("$.mustChangePassword").is("false")),
            // After the login the session has a new id; Tasklist asks who is logged in and keeps the token.
            http("Tasklist: пользователь").get("/camunda/api/admin/auth/user/default").header("X-XSRF-TOKEN", "Fetch")
                    .check(status().is(200), header("X-XSRF-TOKEN").optional().saveAs("fresh")))
            .exec(session -> session.contains("fresh") ? session.set("csrf", session.getString("fresh")) : session);

    private final ChainBuilder round = exec(
            http("Папки со счётчиками").get(ENGINE + "/filter?resourceType=Task&itemCount=true")
                    .check(status().is(200),
                            jsonPath("$[?(@.name=='" + folder + "')].id").optional().saveAs("filterId"),
                            jsonPath("$[0].id").saveAs("firstFilterId")))
            .exec(session -> session.contains("filterId") ? session : session.set("filterId", session.getString("firstFilterId")))
            .exec(http("Список задач").post(ENGINE + "/filter/#{filterId}/list?firstResult=0&maxResults=15")
                    .header("Accept", "application/hal+json").header("X-XSRF-TOKEN", "#{csrf}")
                    .body(StringBody("{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                            + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}")).asJson()
                    .check(status().is(200),
                            jsonPath("$._embedded.task[?(@.taskDefinitionKey=='Task_ExecuteAssignment')].id").findAll()
                                    .optional().saveAs("taskIds")))
            .exec(StaffSimulation::pickTask)
            .doIf(session -> session.contains("taskId")).then(exec(
                    http("Задача").get(ENGINE + "/task/#{taskId}").header("Accept", "application/hal+json")
                            .check(status().is(200)),
                    http("Задача: форма").get(ENGINE + "/task/#{taskId}/form").check(status().is(200)),
                    http("Задача: форма Camunda Forms").get(ENGINE + "/task/#{taskId}/deployed-form")
                            .check(status().is(200)),
                    http("Задача: переменные формы").get(ENGINE + "/task/#{taskId}/form-variables?deserializeValues=false")
                            .check(status().is(200), jsonPath("$.documentId.value").optional().saveAs("documentId")))
                    .exec(think())
                    .exec(http("Задача: отправка формы").post(ENGINE + "/task/#{taskId}/submit-form")
                            .header("X-XSRF-TOKEN", "#{csrf}")
                            .body(StringBody("{\"variables\":{\"executorAction\":{\"value\":\"report\",\"type\":\"String\"},"
                                    + "\"reportText\":{\"value\":\"Исполнено: ответ направлен заявителю.\",\"type\":\"String\"}}}"))
                            .asJson().check(status().is(204))))
            .doIf(session -> session.contains("documentId")).then(
                    exec(http("Карточка документа").get("/api/documents/#{documentId}").check(status().is(200))))
            .exec(http("Поиск карточек").get("/api/documents").queryParam("q", search).check(status().is(200)))
            .exec(think());

    /** One of the page's assignments at random, so colleagues on one account rarely take the same one. */
    private static Session pickTask(Session session) {
        Session cleared = session.remove("taskId").remove("documentId");
        if (!session.contains("taskIds")) {
            return cleared;
        }
        List<String> ids = session.getList("taskIds");
        return ids.isEmpty() ? cleared : cleared.remove("taskIds")
                .set("taskId", ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
    }

    private final ScenarioBuilder staff = scenario("Сотрудники за работой")
            .feed(csv(usersFile).circular())
            .exec(login)
            // Rounds end whole (not cut at the deadline), so every request kind is measured even in a short run.
            .exec(during(Duration.ofSeconds(duration), "round", false).on(round));

    {
        setUp(staff.injectOpen(rampUsers(users).during(Duration.ofSeconds(ramp))))
                .protocols(protocol)
                .assertions(global().failedRequests().percent().lte(maxErrorPercent));
    }
}
