package ru.msed.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.content.ContentKeys;
import ru.msed.content.ContentProperties;
import ru.msed.content.ContentSweep;
import ru.msed.content.GeneratedContent;
import ru.msed.content.HeapProbe;
import ru.msed.web.UserInputException;

/**
 * Files through the API on the file system store: a 150 MB scan streamed both ways with the live
 * heap measured, ranges, versions, damaged and missing files, the size limit, and the sweep after
 * a transaction that rolled back.
 */
@MsedIntegrationTest
class FileStoreIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AttachmentService attachments;
    @Autowired
    ContentSweep sweep;
    @Autowired
    ContentProperties properties;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void streamsA150MegabyteScanThroughTheApiWithFlatHeapAndServesRanges() throws Exception {
        long documentId = newDocument();
        long size = 150L * 1024 * 1024;
        HeapProbe heap = new HeapProbe();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                heap.sample();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        HttpClient http = HttpClient.newHttpClient();
        String boundary = "msed-" + UUID.randomUUID();
        InputStream body = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                stream("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"скан-300-листов.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n"),
                new GeneratedContent(size, 150), stream("\r\n--" + boundary + "--\r\n"))));
        long started = System.nanoTime();
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(uri("/api/documents/" + documentId + "/attachments"))
                .header("Authorization", basic("registrar")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
        double uploadSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        long attachmentId = json(uploaded.body()).get("id").asLong();
        String sha = GeneratedContent.sha256(size, 150);
        assertThat(json(uploaded.body()).get("sha256").asText()).isEqualTo(sha);

        started = System.nanoTime();
        HttpResponse<InputStream> downloaded = http.send(get(documentId, attachmentId).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        var digest = ContentKeys.sha256();
        long read = 0;
        try (InputStream in = downloaded.body()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                read += n;
            }
        }
        double downloadSeconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.headers().firstValueAsLong("Content-Length")).hasValue(size);
        assertThat(read).isEqualTo(size);
        assertThat(ContentKeys.hex(digest)).isEqualTo(sha);
        System.out.printf("FileStoreIT: 150 MB uploaded at %.0f MB/s, downloaded at %.0f MB/s; live heap growth at most %d MiB%n",
                150 / uploadSeconds, 150 / downloadSeconds, heap.maxGrowthMiB());
        assertThat(heap.maxGrowthMiB()).as("live heap growth (MiB) during a 150 MB upload and download").isLessThan(64);

        // A PDF viewer's request for a part, and a resumed download.
        HttpResponse<byte[]> part = http.send(get(documentId, attachmentId).header("Range", "bytes=100000000-100000999").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100000000-100000999/" + size);
        assertThat(part.body()).isEqualTo(generated(size, 150, 100_000_000, 1000));
        HttpResponse<byte[]> tail = http.send(get(documentId, attachmentId).header("Range", "bytes=-10")
                .header("If-Range", "\"" + sha + "\"").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(generated(size, 150, size - 10, 10));
        HttpResponse<byte[]> beyond = http.send(get(documentId, attachmentId).header("Range", "bytes=" + size + "-").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + size);
    }

    @Test
    void aFileOverTheLimitIsRefusedInRussianAndLeavesNothingBehind() throws IOException {
        long documentId = newDocument();
        Path temporary = properties.directory().resolve("tmp");
        long before = count(temporary);
        long limit = 200L * 1024 * 1024;

        assertThatThrownBy(() -> attachments.add(documentId, "огромный.pdf", "application/pdf",
                new GeneratedContent(limit + 1, 1), "registrar"))
                .isInstanceOf(UserInputException.class).hasMessage("Файл больше допустимых 200 МБ.");

        assertThat(count(temporary)).isEqualTo(before);
        assertThat(attachments.list(documentId)).isEmpty();
    }

    @Test
    void aNewUploadOfTheSameNameIsTheNextVersionAndOldVersionsStayReadable() {
        long documentId = newDocument();
        byte[] first = "Договор, редакция 1".getBytes(StandardCharsets.UTF_8);
        byte[] second = "Договор, редакция 2".getBytes(StandardCharsets.UTF_8);

        JsonNode v1 = upload("registrar", documentId, "договор.pdf", first).getBody();
        JsonNode v2 = upload("registrar", documentId, "договор.pdf", second).getBody();
        JsonNode other = upload("registrar", documentId, "приложение.pdf", first).getBody();

        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(other.get("version").asInt()).isEqualTo(1);
        assertThat(download("registrar", documentId, v1.get("id").asLong()).getBody()).isEqualTo(first);
        assertThat(download("registrar", documentId, v2.get("id").asLong()).getBody()).isEqualTo(second);
        assertThat(attachments.latest(documentId).orElseThrow().info().id()).isEqualTo(other.get("id").asLong());
        // The same bytes under two names are one stored file.
        assertThat(other.get("sha256").asText()).isEqualTo(v1.get("sha256").asText());
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT content_key) FROM attachment WHERE document_id = ?", Long.class,
                documentId)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT details FROM audit_event WHERE object_id = ? AND action = 'ATTACHMENT_ADDED' ORDER BY id",
                String.class, Long.toString(documentId))).containsExactly("договор.pdf", "договор.pdf (версия 2)", "приложение.pdf");
    }

    @Test
    void aDamagedFileIsBrokenOffThenRefusedLoggedAndListedForSupportUntilRepaired() throws Exception {
        long documentId = newDocument();
        byte[] content = ("Скан с повреждением " + UUID.randomUUID()).repeat(4000).getBytes(StandardCharsets.UTF_8);
        JsonNode uploaded = upload("registrar", documentId, "повреждённый.pdf", content).getBody();
        long attachmentId = uploaded.get("id").asLong();
        Path file = stored(uploaded.get("sha256").asText());
        byte[] damaged = content.clone();
        damaged[damaged.length - 5] ^= 1;
        Files.write(file, damaged);

        // The first reader gets a broken-off response, never the whole damaged file with a 200.
        HttpResponse<byte[]> broken = null;
        try {
            broken = HttpClient.newHttpClient().send(get(documentId, attachmentId).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException expected) {
            // Connection closed before the announced Content-Length.
        }
        if (broken != null) {
            assertThat(broken.body().length).isLessThan(content.length);
        }
        ResponseEntity<JsonNode> refused = Http.as(port, "registrar").get()
                .uri("/api/documents/{d}/attachments/{a}", documentId, attachmentId).retrieve().toEntity(JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(500);
        assertThat(refused.getBody().get("title").asText()).isEqualTo("Файл недоступен");
        assertThat(refused.getBody().get("detail").asText()).contains("«повреждённый.pdf»", "повреждён");
        assertThat(refused.getBody().get("fileProblem").asText()).isEqualTo("CORRUPT");

        JsonNode problems = Http.as(port, "support").get().uri("/api/admin/files/problems").retrieve().body(JsonNode.class);
        JsonNode problem = find(problems, uploaded.get("sha256").asText());
        assertThat(problem.get("kind").asText()).isEqualTo("CORRUPT");
        assertThat(problem.get("detail").asText()).contains("повреждённый.pdf");
        assertThat(Http.as(port, "registrar").get().uri("/api/admin/files/problems").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(403);

        // Restored from a backup: support's check finds it whole, and it is served again.
        Files.write(file, content);
        JsonNode checked = Http.as(port, "support").post().uri("/api/admin/files/problems/{id}/check", problem.get("id").asLong())
                .retrieve().body(JsonNode.class);
        assertThat(checked.get("resolvedAt").isNull()).isFalse();
        assertThat(download("registrar", documentId, attachmentId).getBody()).isEqualTo(content);
    }

    @Test
    void aMissingFileIsAProblemForSupportNeverAnEmptyDownload() throws Exception {
        long documentId = newDocument();
        byte[] content = ("Скан, который пропадёт " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        JsonNode uploaded = upload("registrar", documentId, "пропавший.pdf", content).getBody();
        Files.delete(stored(uploaded.get("sha256").asText()));

        ResponseEntity<JsonNode> refused = Http.as(port, "registrar").get()
                .uri("/api/documents/{d}/attachments/{a}", documentId, uploaded.get("id").asLong()).retrieve().toEntity(JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(500);
        assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(refused.getBody().get("detail").asText()).contains("«пропавший.pdf»", "не найден в хранилище файлов");
        assertThat(refused.getBody().get("fileProblem").asText()).isEqualTo("MISSING");
        JsonNode problems = Http.as(port, "support").get().uri("/api/admin/files/problems").retrieve().body(JsonNode.class);
        assertThat(find(problems, uploaded.get("sha256").asText()).get("detail").asText()).contains("пропавший.pdf");
    }

    /**
     * A file written whose row then rolled back (or a crash between the two) is an orphan: marked by
     * the first sweep, deleted by one after the grace period. A file without a row that looks old —
     * as after restoring an older database — is kept for a whole grace period from when this database
     * first saw it, so restoring a newer database within that period finds its files.
     */
    @Test
    void aFileWhoseRowRolledBackIsSweptAfterTheGracePeriodAndNothingReferencedIs() throws Exception {
        long documentId = newDocument();
        byte[] kept = ("Сохранённый " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] rolledBack = ("Откаченный " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String keptKey = attachments.add(documentId, "сохранён.pdf", "application/pdf", kept, "registrar").sha256();
        transactions.executeWithoutResult(status -> {
            attachments.add(documentId, "откачен.pdf", "application/pdf", rolledBack, "registrar");
            status.setRollbackOnly();
        });
        String orphanKey = sha256(rolledBack);
        Path orphan = stored(orphanKey);
        assertThat(orphan).exists();
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
        Path leftover = properties.directory().resolve("tmp").resolve(UUID.randomUUID() + ".part");
        Files.write(leftover, new byte[100]);
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofDays(30))));

        ContentSweep.Result first = sweep.sweep(Duration.ofDays(7));

        assertThat(first.skipped()).isFalse();
        assertThat(orphan).as("first seen now: kept for the grace period whatever its age").exists();
        assertThat(leftover).doesNotExist();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM content_orphan WHERE content_key = ?", Long.class, orphanKey)).isOne();

        jdbc.update("UPDATE content_orphan SET first_seen_at = now() - interval '8 days' WHERE content_key = ?", orphanKey);
        ContentSweep.Result second = sweep.sweep(Duration.ofDays(7));

        assertThat(second.deleted()).isPositive();
        assertThat(orphan).doesNotExist();
        assertThat(stored(keptKey)).exists();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM content_orphan WHERE content_key = ?", Long.class, orphanKey)).isZero();
        assertThat(download("registrar", documentId, attachments.latest(documentId).orElseThrow().info().id()).getBody())
                .isEqualTo(kept);
    }

    private long newDocument() {
        return jdbc.queryForObject("""
                INSERT INTO document (organization_id, kind, status, summary, created_by)
                SELECT id, 'INCOMING', 'DRAFT', 'Файлы', 'registrar' FROM organization WHERE code = 'DEMO' RETURNING id""", Long.class);
    }

    private ResponseEntity<JsonNode> upload(String user, long documentId, String name, byte[] content) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        ResponseEntity<JsonNode> response = Http.as(port, user).post().uri("/api/documents/{id}/attachments", documentId)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return response;
    }

    private ResponseEntity<byte[]> download(String user, long documentId, long attachmentId) {
        RestClient client = Http.as(port, user);
        ResponseEntity<byte[]> response = client.get().uri("/api/documents/{d}/attachments/{a}", documentId, attachmentId)
                .retrieve().toEntity(byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response;
    }

    private HttpRequest.Builder get(long documentId, long attachmentId) {
        return HttpRequest.newBuilder(uri("/api/documents/" + documentId + "/attachments/" + attachmentId))
                .header("Authorization", basic("registrar")).GET();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Path stored(String key) {
        return properties.directory().resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private static JsonNode find(JsonNode problems, String key) {
        for (JsonNode problem : problems) {
            if (problem.get("key").asText().equals(key)) {
                return problem;
            }
        }
        throw new AssertionError("No problem for " + key + " in " + problems);
    }

    private static byte[] generated(long size, long seed, long offset, int length) throws IOException {
        try (InputStream in = new GeneratedContent(size, seed)) {
            in.skipNBytes(offset);
            return in.readNBytes(length);
        }
    }

    private static long count(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (var files = Files.list(directory)) {
            return files.count();
        }
    }

    private static InputStream stream(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String body) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    }

    private static String sha256(byte[] content) {
        var digest = ContentKeys.sha256();
        digest.update(content);
        return ContentKeys.hex(digest);
    }
}
