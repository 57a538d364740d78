package ru.msed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser-like client of the running test application: keeps the session cookie and the
 * webapps' CSRF token, and acts as a client at a chosen address (sent as X-Forwarded-For, which the
 * test profile trusts from the loopback as from a reverse proxy), so tests of per-address limits do
 * not share an address with the rest of the suite.
 */
public final class WebSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private final String base;
    private final String clientAddress;
    private String csrfToken;

    public WebSession(int port, String clientAddress) {
        this.base = "http://localhost:" + port;
        this.clientAddress = clientAddress;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** The webapps' CSRF token of the current session (starting one if needed). */
    public String csrfToken() {
        Response response = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default"))
                .header("X-XSRF-TOKEN", "Fetch").GET());
        String token = response.header("X-XSRF-TOKEN");
        if (token != null) {
            csrfToken = token;
        }
        return csrfToken;
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
    }

    public Response postJson(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", csrfToken()).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response putJson(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", csrfToken()).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken()).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Logs in through the webapps' own login form (as Tasklist's login page does). */
    public Response webappLogin(String user, String password) {
        return postForm("/camunda/api/admin/auth/user/default/login/tasklist", Map.of("username", user, "password", password));
    }

    /** Any request, with the session cookie. */
    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.header("X-Forwarded-For", clientAddress).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }
}
