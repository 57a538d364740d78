package ru.msed;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** HTTP clients for the running test application: a demo user's login, errors returned rather than thrown. */
public final class Http {

    private Http() {
    }

    public static RestClient as(int port, String user) {
        return as(port, user, "demo");
    }

    public static RestClient as(int port, String user, String password) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, password, StandardCharsets.UTF_8))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    public static RestClient anonymous(int port) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }
}
