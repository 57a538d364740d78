package ru.msed.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.msed.MsedIntegrationTest;
import ru.msed.content.ContentProperties;
import ru.msed.content.ContentStore;
import ru.msed.content.GeneratedContent;
import ru.msed.content.HeapProbe;
import ru.msed.migration.LegacyImport;

/**
 * The measurement behind the README's numbers, not part of the build (it moves 6 GB):
 * {@code ./mvnw verify -Dit.test=FileLoadMeasurementIT -Dtest=none -Dmsed.files.measure=true
 * -DfailIfNoTests=false -Dsurefire.failIfNoSpecifiedTests=false}. Twenty users upload a 150 MB scan
 * each at once, then download them at once; the live heap (after a full collection) is sampled
 * every two seconds throughout. Then a legacy export naming 200 files of 1 MB is imported.
 */
@MsedIntegrationTest
@EnabledIfSystemProperty(named = "msed.files.measure", matches = "true")
class FileLoadMeasurementIT {

    static final int USERS = 20;
    static final long SCAN = 150L * 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ContentStore store;
    @Autowired
    ContentProperties properties;
    @Autowired
    LegacyImport importer;

    @Test
    void twentyUsersUploadAndDownloadA150MegabyteScanEachWithFlatHeap() throws Exception {
        long documentId = jdbc.queryForObject("""
                INSERT INTO document (organization_id, kind, status, summary, created_by)
                SELECT id, 'INCOMING', 'DRAFT', 'Нагрузка', 'registrar' FROM organization WHERE code = 'DEMO' RETURNING id""",
                Long.class);
        HeapProbe heap = new HeapProbe();
        AtomicLong peakUsed = new AtomicLong();
        Thread sampler = new Thread(() -> {
            long ticks = 0;
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                if (++ticks % 20 == 0) {
                    heap.sample();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        long baselineUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        sampler.start();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(USERS * 2)).build();
        ExecutorService users = Executors.newFixedThreadPool(USERS);

        long started = System.nanoTime();
        List<Future<Long>> uploads = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            long seed = 1000 + i;
            uploads.add(users.submit(() -> upload(http, documentId, "скан-" + seed + ".pdf", seed)));
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Long> upload : uploads) {
            ids.add(upload.get());
        }
        double uploadSeconds = (System.nanoTime() - started) / 1e9;
        long heapAfterUploads = heap.maxGrowthMiB();

        started = System.nanoTime();
        List<Future<Long>> downloads = new ArrayList<>();
        for (long id : ids) {
            downloads.add(users.submit(() -> {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/documents/" + documentId + "/attachments/" + id))
                        .header("Authorization", basic()).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    return in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }));
        }
        for (Future<Long> download : downloads) {
            assertThat(download.get()).isEqualTo(SCAN);
        }
        double downloadSeconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();
        users.shutdown();

        double total = USERS * 150.0;
        System.out.printf("%nFileLoadMeasurementIT: %d × 150 MB uploaded concurrently in %.1f s (%.0f MB/s in all), downloaded in"
                + " %.1f s (%.0f MB/s); live heap growth at most %d MiB during uploads, %d MiB overall; heap used (with garbage)"
                + " peaked %d MiB above the start, max heap %d MiB%n", USERS, uploadSeconds, total / uploadSeconds, downloadSeconds,
                total / downloadSeconds, heapAfterUploads, heap.maxGrowthMiB(),
                (peakUsed.get() - baselineUsed) / 1048576, Runtime.getRuntime().maxMemory() / 1048576);
        assertThat(heap.maxGrowthMiB()).isLessThan(100);
        for (String key : jdbc.queryForList("SELECT content_key FROM attachment WHERE document_id = ?", String.class, documentId)) {
            store.delete(key);
        }
    }

    @Test
    void legacyImportLoadsTheFilesItsExportNames() throws Exception {
        String p = "L-" + UUID.randomUUID().toString().substring(0, 6);
        Path export = Files.createDirectories(Path.of("target/import-tests", p));
        StringBuilder csv = new StringBuilder("organization_code;kind;registration_number;registration_date;correspondent;summary;"
                + "resolution_text;executor;deadline;executed_on;execution_mark;file_reference;files\n");
        byte[] buffer = new byte[1024 * 1024];
        for (int i = 0; i < 200; i++) {
            try (InputStream in = new GeneratedContent(buffer.length, i)) {
                in.readNBytes(buffer, 0, buffer.length);
            }
            Files.write(export.resolve("scan-" + i + ".pdf"), buffer);
            csv.append("DEMO;INCOMING;").append(p).append('-').append(i).append(";01.02.2024;X;Скан;;;;;;;scan-").append(i)
                    .append(".pdf\n");
        }
        Path file = export.resolve("cards.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        LegacyImport.Result result = importer.run(file, export.resolve("rejects.csv"), StandardCharsets.UTF_8, 50, progress -> { });

        System.out.printf("%nFileLoadMeasurementIT: legacy import of %d cards with %d files (%d MB) in %.1f s, of which files %.1f s:"
                + " %.0f files/s, %.1f MB/s%n", result.imported(), result.files(), result.fileBytes() / 1048576,
                result.took().toMillis() / 1000.0, result.filesTook().toMillis() / 1000.0, result.filesPerSecond(),
                result.fileMegabytesPerSecond());
        assertThat(result.files()).isEqualTo(200);
    }

    private long upload(HttpClient http, long documentId, String name, long seed) throws Exception {
        String boundary = "msed-" + UUID.randomUUID();
        InputStream body = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + name + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8)),
                new GeneratedContent(SCAN, seed),
                new java.io.ByteArrayInputStream(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)))));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/documents/" + documentId + "/attachments"))
                .header("Authorization", basic()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("id").asLong();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("registrar:demo".getBytes(StandardCharsets.UTF_8));
    }
}
