package ru.msed.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.msed.MsedIntegrationTest;
import ru.msed.SecondOrganization;
import ru.msed.WebSession;
import ru.msed.WebSession.Response;

/**
 * Brute force against every password check — HTTP Basic on /engine-rest and /api, the webapps' login
 * form, the MSED login and identity/verify — is paused per login and client address (429, Russian
 * problem, Retry-After), logged and audited; the same login from another address, and the account
 * itself, are never locked. Each test acts from client addresses of its own (192.0.2.x, sent as X-Forwarded-For).
 */
@MsedIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecondOrganization second;

    @BeforeEach
    void organizations() {
        second.ensure();
    }

    @Test
    void basicAuthIsPausedForOneLoginFromOneAddressOnlyAndNeverLocksTheAccount(CapturedOutput output) throws Exception {
        String attacker = "192.0.2.11";
        for (int i = 1; i <= 5; i++) {
            // /engine-rest and /api count together: the password is the same.
            String path = i % 2 == 0 ? "/api/account" : "/engine-rest/task";
            assertThat(basic(attacker, path, "demo-lock", "wrong-password-" + i).status()).isEqualTo(401);
        }
        Response paused = basic(attacker, "/engine-rest/task", "demo-lock", "demo");
        assertThat(paused.status()).isEqualTo(429);
        assertThat(paused.header("Retry-After")).isEqualTo("1");
        assertThat(paused.json().get("title").asText()).isEqualTo("Слишком много неудачных попыток входа");
        assertThat(paused.json().get("detail").asText()).contains("Повторите через 1 с.");
        assertThat(paused.header("Content-Type")).startsWith("application/problem+json");

        // The owner, elsewhere, is not locked out.
        assertThat(basic("192.0.2.12", "/engine-rest/task", "demo-lock", "demo").status()).isEqualTo(200);

        Thread.sleep(1_100);
        assertThat(basic(attacker, "/engine-rest/task", "demo-lock", "demo").status()).isEqualTo(200);

        assertThat(output.getOut()).contains("Failed login for user 'demo-lock' from 192.0.2.11")
                .doesNotContain("wrong-password-");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM audit_event WHERE object_id = 'demo-lock' AND action = 'LOGIN_FAILED'
                AND remote_address = ? AND organization_id IS NOT NULL""", Long.class, attacker)).isEqualTo(5);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM audit_event WHERE object_id = 'demo-lock' AND action = 'LOGIN_PAUSED'
                AND remote_address = ?""", Long.class, attacker)).isEqualTo(1);
    }

    @Test
    void theEnginesOwnLockIsOffTwelveWrongPasswordsLockNobody() {
        for (String address : List.of("192.0.2.13", "192.0.2.14", "192.0.2.15")) {
            for (int i = 0; i < 4; i++) {
                assertThat(basic(address, "/engine-rest/task", "executor3", "wrong").status()).isEqualTo(401);
            }
        }
        assertThat(basic("192.0.2.16", "/engine-rest/task", "executor3", "demo").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM act_id_user WHERE id_ = 'executor3' AND lock_exp_time_ > now()",
                Long.class)).isZero();
    }

    @Test
    void theWebappsLoginFormIsPausedToo() {
        WebSession browser = new WebSession(port, "192.0.2.17");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.webappLogin("demo-lock", "wrong").status()).isEqualTo(401);
        }
        Response paused = browser.webappLogin("demo-lock", "demo");
        assertThat(paused.status()).isEqualTo(429);
        assertThat(paused.header("Retry-After")).isEqualTo("1");
        assertThat(new WebSession(port, "192.0.2.18").webappLogin("demo-lock", "demo").status()).isEqualTo(200);
    }

    @Test
    void theMsedLoginResolvesTheOpaqueIdChangesTheSessionIdAndIsPaused() throws Exception {
        WebSession browser = new WebSession(port, "192.0.2.19");
        String id = staffId(browser, "DEMO", "Орехов");
        assertThat(id).doesNotContain("demo-lock");

        for (int i = 0; i < 5; i++) {
            Response refused = browser.postJson("/login-api/login", Map.of("staffId", id, "password", "wrong"));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("detail").asText()).isEqualTo("Неверный пароль.");
        }
        Response paused = browser.postJson("/login-api/login", Map.of("staffId", id, "password", "demo"));
        assertThat(paused.status()).isEqualTo(429);
        assertThat(paused.header("Retry-After")).isEqualTo("1");
        Thread.sleep(1_100);

        String before = browser.sessionId();
        Response loggedIn = browser.postJson("/login-api/login", Map.of("staffId", id, "password", "demo"));
        assertThat(loggedIn.status()).isEqualTo(200);
        assertThat(loggedIn.json().get("name").asText()).isEqualTo("Орехов Т. Т.");
        assertThat(loggedIn.json().get("next").asText()).isEqualTo("/camunda/app/tasklist/");
        assertThat(loggedIn.body()).doesNotContain("demo-lock");
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);

        // The session is the webapps' own: their API and the application's /api accept it.
        assertThat(browser.get("/camunda/api/admin/auth/user/default").json().get("userId").asText()).isEqualTo("demo-lock");
        assertThat(browser.get("/camunda/api/engine/engine/default/task").status()).isEqualTo(200);
        assertThat(browser.get("/api/account").json().get("userId").asText()).isEqualTo("demo-lock");
    }

    @Test
    void passwordChecksInsideASessionAreThrottledToo() {
        WebSession stolen = new WebSession(port, "192.0.2.28");
        assertThat(stolen.postJson("/login-api/login", Map.of("staffId", staffId(stolen, "DEMO", "Соколова"),
                "password", "demo")).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            Response wrong = stolen.postJson("/api/account/password", Map.of("currentPassword", "guess" + i,
                    "newPassword", "Nadezhny2026parol", "newPasswordRepeat", "Nadezhny2026parol"));
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.json().get("detail").asText()).isEqualTo("Текущий пароль указан неверно.");
        }
        Response paused = stolen.postJson("/api/account/password", Map.of("currentPassword", "demo",
                "newPassword", "Nadezhny2026parol", "newPasswordRepeat", "Nadezhny2026parol"));
        assertThat(paused.status()).isEqualTo(429);
        assertThat(paused.header("Retry-After")).isEqualTo("1");
        assertThat(paused.json().get("detail").asText()).contains("приостановлена");
        assertThat(jdbc.queryForObject("SELECT must_change_password FROM employee WHERE user_id = 'executor2'", Boolean.class))
                .isFalse();
        assertThat(new WebSession(port, "192.0.2.29").webappLogin("executor2", "demo").status()).isEqualTo(200);
    }

    @Test
    void theMsedLoginRefusesUnknownIdsAndPagesWithoutTheCsrfToken() {
        WebSession browser = new WebSession(port, "192.0.2.20");
        Response unknown = browser.postJson("/login-api/login",
                Map.of("staffId", "00000000-0000-0000-0000-000000000000", "password", "demo"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("detail").asText()).isEqualTo("Неверный пароль.");
        Response forged = browser.send(HttpRequest.newBuilder(browser.uri("/login-api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"staffId\":\"x\",\"password\":\"demo\"}")));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("title").asText()).isEqualTo("Страница входа устарела");
    }

    @Test
    void identityVerifyChecksOnlyTheCallersOwnPasswordAndCountsForTheThrottle() {
        String address = "192.0.2.21";
        Response foreign = verify(address, "executor1", "registrar", "demo");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("detail").asText()).isEqualTo("Проверять можно только собственный пароль.");
        Response crossOrganization = verify(address, "alt-executor", "registrar", "demo");
        assertThat(crossOrganization.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM audit_event WHERE object_id = 'registrar' AND action = 'LOGIN_FAILED'
                AND remote_address = ? AND details LIKE '%identity/verify%'""", Long.class, address)).isEqualTo(2);

        assertThat(verify(address, "executor1", "executor1", "demo").json().get("authenticated").asBoolean()).isTrue();
        assertThat(verify(address, "executor1", "executor1", "wrong").json().get("authenticated").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM audit_event WHERE object_id = 'executor1' AND action = 'LOGIN_FAILED'
                AND remote_address = ? AND details LIKE '%неверный пароль%'""", Long.class, address)).isEqualTo(1);

        // Refused checks count like wrong passwords: three more, and registrar's login from here is paused.
        for (int i = 0; i < 3; i++) {
            assertThat(verify(address, "executor1", "registrar", "guess" + i).status()).isEqualTo(403);
        }
        assertThat(verify(address, "executor1", "registrar", "guess").status()).isEqualTo(429);
        assertThat(basic(address, "/engine-rest/task", "registrar", "demo").status()).isEqualTo(429);
        assertThat(basic("192.0.2.27", "/engine-rest/task", "registrar", "demo").status()).isEqualTo(200);

        // Technical support may check anyone's password (e.g. when helping on the phone).
        assertThat(verify("192.0.2.22", "support", "executor2", "demo").json().get("authenticated").asBoolean()).isTrue();

        // The webapps' engine API is guarded the same way.
        WebSession browser = new WebSession(port, "192.0.2.23");
        assertThat(browser.webappLogin("executor1", "demo").status()).isEqualTo(200);
        Response viaWebapp = browser.postJson("/camunda/api/engine/engine/default/identity/verify",
                Map.of("username", "registrar", "password", "demo"));
        assertThat(viaWebapp.status()).isEqualTo(403);
        assertThat(viaWebapp.json().get("title").asText()).isEqualTo("Нет доступа");
        assertThat(browser.postJson("/camunda/api/engine/engine/default/identity/verify",
                Map.of("username", "executor1", "password", "demo")).json().get("authenticated").asBoolean()).isTrue();
    }

    @Test
    void loginListsNameStaffByDisplayNameAndOpaqueIdSearchAsYouTypeAndAreRateLimited() {
        WebSession anonymous = new WebSession(port, "192.0.2.24");
        JsonNode organizations = anonymous.get("/login-api/organizations?q=" + enc("минциф")).json();
        assertThat(organizations.findValuesAsText("code")).containsExactly("DEMO");
        assertThat(anonymous.get("/login-api/organizations?q=" + enc("Комархитектуры")).json().findValuesAsText("code"))
                .containsExactly(SecondOrganization.CODE);
        assertThat(anonymous.get("/login-api/organizations?q=alt").json().findValuesAsText("code"))
                .contains(SecondOrganization.CODE);

        JsonNode staff = anonymous.get("/login-api/organizations/DEMO/staff?q=" + enc("смир")).json();
        assertThat(staff.findValuesAsText("name")).containsExactly("Смирнова А. П.");
        assertThat(staff.toString()).doesNotContain("registrar").doesNotContain("userId");
        assertThat(anonymous.get("/login-api/organizations/DEMO/staff?limit=2").json()).hasSize(2);
        assertThat(anonymous.get("/login-api/organizations/DEMO/staff?q=%25").json()).isEmpty();
        assertThat(anonymous.get("/login-api/organizations/NOPE/staff").status()).isEqualTo(404);

        WebSession flood = new WebSession(port, "192.0.2.25");
        for (int i = 0; i < 120; i++) {
            assertThat(flood.get("/login-api/organizations?q=" + i).status()).isEqualTo(200);
        }
        Response limited = flood.get("/login-api/organizations?q=x");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(limited.json().get("title").asText()).isEqualTo("Слишком много запросов");
        assertThat(new WebSession(port, "192.0.2.26").get("/login-api/organizations?q=x").status()).isEqualTo(200);
    }

    private String staffId(WebSession session, String organization, String surname) {
        JsonNode staff = session.get("/login-api/organizations/" + organization + "/staff?q=" + enc(surname)).json();
        assertThat(staff).hasSize(1);
        return staff.get(0).get("id").asText();
    }

    private Response verify(String address, String caller, String username, String password) {
        return basicPost(address, "/engine-rest/identity/verify", caller, "demo",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    private Response basic(String address, String path, String user, String password) {
        return new WebSession(port, address).send(HttpRequest.newBuilder(new WebSession(port, address).uri(path))
                .header("Authorization", authorization(user, password)).header("Accept", "application/json").GET());
    }

    private Response basicPost(String address, String path, String user, String password, String json) {
        WebSession session = new WebSession(port, address);
        return session.send(HttpRequest.newBuilder(session.uri(path)).header("Authorization", authorization(user, password))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String authorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
