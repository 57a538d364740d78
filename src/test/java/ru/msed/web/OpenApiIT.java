package ru.msed.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;

/** The application's API is described for authenticated users, with its Russian problem answers. */
@MsedIntegrationTest
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void describesTheApiWithProblemBodiesToAuthenticatedUsersOnly() {
        assertThat(Http.anonymous(port).get().uri("/api/openapi.json").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
        JsonNode api = Http.as(port, "registrar").get().uri("/api/openapi.json").retrieve().body(JsonNode.class);
        assertThat(api.path("info").path("title").asText()).isEqualTo("МСЭД API");
        JsonNode card = api.path("paths").path("/api/documents/{documentId}").path("get");
        assertThat(card.isMissingNode()).isFalse();
        assertThat(card.path("responses").path("404").path("description").asText()).contains("другой организации");
        assertThat(api.path("components").path("schemas").path("Problem").path("properties").has("detail"))
                .as(api.path("components").toString()).isTrue();
    }
}
