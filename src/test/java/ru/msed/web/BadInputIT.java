package ru.msed.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;

/**
 * Bad input answers 4xx with a Russian problem body — never a 500 or a library's English — and
 * writes nothing: wrong dates in reports, over-long file names, malformed content types.
 */
@MsedIntegrationTest
class BadInputIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessDriver driver;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void wrongOrMissingDatesInReportsAreExplainedInRussian() {
        for (String uri : new String[] {"/api/reports/execution?from=2026-13-45&to=2026-12-31",
                "/api/reports/execution.xlsx?from=2026-11-01&to=вчера", "/api/audit?from=2026-13-45&to=2026-12-31",
                "/api/documents?from=31.12.2026"}) {
            String user = uri.startsWith("/api/audit") ? "admin" : "controller";
            ResponseEntity<JsonNode> response = Http.as(port, user).get().uri(uri).retrieve().toEntity(JsonNode.class);
            assertThat(response.getStatusCode().value()).as(uri).isEqualTo(400);
            assertThat(response.getBody().get("title").asText()).as(uri).isEqualTo("Ошибка в запросе");
            assertThat(response.getBody().get("detail").asText()).as(uri).startsWith("Неверное значение параметра «")
                    .contains("ожидается дата ГГГГ-ММ-ДД").doesNotContain("Failed to convert");
        }
        ResponseEntity<JsonNode> missing = Http.as(port, "admin").get().uri("/api/audit?to=2026-12-31").retrieve()
                .toEntity(JsonNode.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().get("detail").asText()).isEqualTo("Не указан параметр «from».");
        ResponseEntity<JsonNode> notJson = Http.as(port, "admin").put().uri("/api/admin/users/demo-temp/roles")
                .contentType(MediaType.APPLICATION_JSON).body("{не json").retrieve().toEntity(JsonNode.class);
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        assertThat(notJson.getBody().get("detail").asText()).startsWith("Тело запроса не читается");
    }

    @Test
    void overlongFileNamesAreRefusedAndNothingIsStored() {
        long documentId = driver.documentId(driver.registered());
        for (String name : new String[] {"а".repeat(252) + ".pdf", "документ".repeat(125) + ".pdf"}) {
            ResponseEntity<JsonNode> response = upload(documentId, name, "application/pdf");
            assertThat(response.getStatusCode().value()).as(name.length() + " characters").isEqualTo(400);
            assertThat(response.getBody().get("detail").asText()).contains("Имя файла длиннее 255 символов");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM attachment WHERE document_id = ?", Long.class, documentId))
                .isZero();
        assertThat(upload(documentId, "а".repeat(251) + ".pdf", "application/pdf").getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aMalformedContentTypeIsNormalizedSoTheFileCanBeReadBack() {
        long documentId = driver.documentId(driver.registered());
        ResponseEntity<JsonNode> saved = upload(documentId, "письмо.pdf", "application/pdf;;;=\"x");
        assertThat(saved.getStatusCode().value()).isEqualTo(201);
        assertThat(saved.getBody().get("contentType").asText()).isEqualTo("application/pdf");
        ResponseEntity<byte[]> download = Http.as(port, "registrar").get()
                .uri("/api/documents/{d}/attachments/{a}", documentId, saved.getBody().get("id").asLong()).retrieve()
                .toEntity(byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);

        ResponseEntity<JsonNode> unknown = upload(documentId, "данные.bin", "совсем не тип");
        assertThat(unknown.getBody().get("contentType").asText()).isEqualTo("application/octet-stream");
        assertThat(upload(documentId, "заметка.txt", "text/plain; charset=windows-1251; junk").getBody()
                .get("contentType").asText()).isEqualTo("text/plain;charset=windows-1251");
    }

    @Test
    void connectionRequestLettersAreCheckedTheSameWay() {
        ResponseEntity<JsonNode> longName = submit("п".repeat(300) + ".pdf", "application/pdf");
        assertThat(longName.getStatusCode().value()).isEqualTo(400);
        assertThat(longName.getBody().get("detail").asText()).contains("Имя файла длиннее 255 символов");

        ResponseEntity<JsonNode> broken = submit("письмо.pdf", "application/pdf;;;=\"x");
        assertThat(broken.getStatusCode().value()).isEqualTo(201);
        ResponseEntity<byte[]> letter = Http.as(port, "admin").get()
                .uri("/api/onboarding/requests/{id}/letter", broken.getBody().get("id").asLong()).retrieve().toEntity(byte[].class);
        assertThat(letter.getStatusCode().value()).isEqualTo(200);
        assertThat(letter.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    }

    private ResponseEntity<JsonNode> upload(long documentId, String name, String contentType) {
        return Http.as(port, "registrar").post().uri("/api/documents/{id}/attachments", documentId)
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY))
                .body(multipart(new Part("file", name, contentType, "скан"))).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> submit(String letterName, String letterType) {
        return Http.as(port, "admin").post().uri("/api/onboarding/requests")
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY))
                .body(multipart(new Part("workbook", "zayavka.xlsx", "application/octet-stream", "не книга"),
                        new Part("letter", letterName, letterType, "письмо")))
                .retrieve().toEntity(JsonNode.class);
    }

    static final String BOUNDARY = "msed-test-boundary";

    record Part(String field, String fileName, String contentType, String content) {
    }

    /** Written by hand, the way a browser or script may send it: Spring's client refuses a malformed type. */
    private static byte[] multipart(Part... parts) {
        StringBuilder body = new StringBuilder();
        for (Part part : parts) {
            body.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(part.field()).append("\"; filename=\"")
                    .append(part.fileName()).append("\"\r\n")
                    .append("Content-Type: ").append(part.contentType()).append("\r\n\r\n")
                    .append(part.content()).append("\r\n");
        }
        body.append("--").append(BOUNDARY).append("--\r\n");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
