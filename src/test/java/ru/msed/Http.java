package ru.msed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * HTTP clients for the running test application: a demo user's login, errors returned rather than thrown.
 * Each client is new (its own connections and cookies), but they share the default message converters,
 * which are made once: making them (an object mapper, XML marshallers) was most of the cost of a client.
 */
public final class Http {

    private static final List<HttpMessageConverter<?>> CONVERTERS = defaultConverters();

    private Http() {
    }

    private static List<HttpMessageConverter<?>> defaultConverters() {
        List<HttpMessageConverter<?>> converters = new ArrayList<>();
        RestClient.builder().messageConverters(converters::addAll);
        return List.copyOf(converters);
    }

    private static RestClient.Builder builder(int port) {
        return RestClient.builder().baseUrl("http://localhost:" + port).messageConverters(new ArrayList<>(CONVERTERS));
    }

    public static RestClient as(int port, String user) {
        return as(port, user, "demo");
    }

    public static RestClient as(int port, String user, String password) {
        return builder(port)
                .defaultHeaders(h -> h.setBasicAuth(user, password, StandardCharsets.UTF_8))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    public static RestClient anonymous(int port) {
        return builder(port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }
}
