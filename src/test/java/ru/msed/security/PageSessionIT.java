package ru.msed.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.WebSession;
import ru.msed.WebSession.Response;

/**
 * The application's pages in a session of the MSED login: they get the session's CSRF token even
 * after Tasklist took it, their changes go through, and a refusal is a Russian problem without the
 * Basic challenge that would open the browser's login dialog — which scripts still get.
 */
@MsedIntegrationTest
class PageSessionIT {

    private static final String FETCH_TOKEN = "/camunda/api/admin/auth/user/default";

    @LocalServerPort
    int port;
    @Autowired
    ProcessDriver driver;

    @Test
    void aPageGetsTheSessionTokenAfterTasklistTookItAndUploadsAFile() {
        long documentId = driver.documentId(driver.registered());
        WebSession browser = new WebSession(port, "192.0.2.61");
        assertThat(browser.postJson("/login-api/login", Map.of("staffId", staffId(browser, "Смирнова"), "password", "demo"))
                .status()).isEqualTo(200);
        // Tasklist opens first and takes the new session's token; the webapps never hand it out again.
        String tasklistToken = browser.csrfToken();
        assertThat(tasklistToken).isNotBlank();
        assertThat(fetchToken(browser).header("X-XSRF-TOKEN")).isNull();

        Response token = pageToken(browser, Map.of());
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("token").asText()).isEqualTo(tasklistToken);
        assertThat(token.header("Cache-Control")).contains("no-store");

        Response uploaded = upload(browser, documentId, tasklistToken);
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().get("fileName").asText()).isEqualTo("скан.pdf");

        // Without the token a change is refused as a stale page, never with a Basic challenge.
        Response stale = upload(browser, documentId, null);
        assertThat(stale.status()).isEqualTo(403);
        assertThat(stale.header("WWW-Authenticate")).isNull();
        assertThat(stale.json().get("title").asText()).isEqualTo("Страница устарела");
        assertThat(stale.json().get("detail").asText()).contains("Обновите страницу");
    }

    @Test
    void theTokenIsGivenToSameOriginScriptsOnly() {
        WebSession browser = new WebSession(port, "192.0.2.62");
        String token = browser.csrfToken();
        assertThat(pageToken(browser, Map.of()).status()).isEqualTo(200);
        Response noHeader = browser.send(HttpRequest.newBuilder(browser.uri(PageCsrfToken.PATH)).GET());
        assertThat(noHeader.status()).isEqualTo(403);
        assertThat(noHeader.body()).doesNotContain(token);
        Response crossSite = pageToken(browser, Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.json().get("detail").asText()).isEqualTo("Ключ защиты выдаётся только страницам МСЭД.");
        assertThat(pageToken(new WebSession(port, "192.0.2.63"), Map.of()).status()).as("no session, no token")
                .isEqualTo(404);
    }

    @Test
    void aReloadedLoginPageStillLogsIn() {
        WebSession browser = new WebSession(port, "192.0.2.64");
        String first = fetchToken(browser).header("X-XSRF-TOKEN");
        assertThat(first).isNotBlank();
        // The page is reloaded: its script lost the token, and the webapps do not hand it out again.
        assertThat(fetchToken(browser).header("X-XSRF-TOKEN")).isNull();
        String again = pageToken(browser, Map.of()).json().get("token").asText();
        assertThat(again).isEqualTo(first);
        Response login = browser.send(HttpRequest.newBuilder(browser.uri("/login-api/login"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", again)
                .POST(HttpRequest.BodyPublishers.ofString("{\"staffId\":\"" + staffId(browser, "Кузнецова")
                        + "\",\"password\":\"demo\"}")));
        assertThat(login.status()).isEqualTo(200);
    }

    @Test
    void aBrowserWithoutSessionGetsARussian401WithoutBasicChallengeWhileScriptsKeepIt() {
        String path = "/api/documents";
        for (Map<String, String> browserHeaders : new Map[] {Map.of("X-Requested-With", "XMLHttpRequest"),
                Map.of("Sec-Fetch-Mode", "cors"), Map.of("Cookie", "JSESSIONID=" + UUID.randomUUID())}) {
            WebSession browser = new WebSession(port, "192.0.2.65");
            HttpRequest.Builder request = HttpRequest.newBuilder(browser.uri(path)).header("Accept", "application/json").GET();
            browserHeaders.forEach(request::header);
            Response refused = browser.send(request);
            assertThat(refused.status()).as(browserHeaders.toString()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).as(browserHeaders.toString()).isNull();
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("title").asText()).isEqualTo("Требуется вход");
            assertThat(refused.json().get("detail").asText()).contains("Войдите в МСЭД заново");
        }

        WebSession script = new WebSession(port, "192.0.2.66");
        Response challenged = script.send(HttpRequest.newBuilder(script.uri(path)).header("Accept", "application/json").GET());
        assertThat(challenged.status()).isEqualTo(401);
        assertThat(challenged.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(challenged.json().get("title").asText()).isEqualTo("Требуется вход");
        Response wrong = script.send(HttpRequest.newBuilder(script.uri(path)).header("Authorization", basic("registrar", "wrong"))
                .header("Sec-Fetch-Mode", "cors").GET());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).as("Basic offered: Basic answered").startsWith("Basic");
        assertThat(script.send(HttpRequest.newBuilder(script.uri(path)).header("Authorization", basic("registrar", "demo"))
                .GET()).status()).isEqualTo(200);
        assertThat(script.send(HttpRequest.newBuilder(script.uri("/engine-rest/task"))
                .header("X-Requested-With", "XMLHttpRequest").GET()).header("WWW-Authenticate"))
                .as("/engine-rest is HTTP Basic for Modeler and scripts").startsWith("Basic");
    }

    private Response fetchToken(WebSession browser) {
        return browser.send(HttpRequest.newBuilder(browser.uri(FETCH_TOKEN)).header("X-XSRF-TOKEN", "Fetch").GET());
    }

    private Response pageToken(WebSession browser, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(browser.uri(PageCsrfToken.PATH))
                .header("X-Requested-With", "XMLHttpRequest").header("Accept", "application/json").GET();
        headers.forEach(request::header);
        return browser.send(request);
    }

    private Response upload(WebSession browser, long documentId, String token) {
        String boundary = "msed" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"скан.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 скан\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(browser.uri("/api/documents/" + documentId + "/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Requested-With", "XMLHttpRequest")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        return browser.send(request);
    }

    private String staffId(WebSession session, String surname) {
        JsonNode staff = session.get("/login-api/organizations/DEMO/staff?q=" + URLEncoder.encode(surname, StandardCharsets.UTF_8))
                .json();
        assertThat(staff).hasSize(1);
        return staff.get(0).get("id").asText();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
