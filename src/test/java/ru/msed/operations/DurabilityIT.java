package ru.msed.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import ru.msed.Http;
import ru.msed.StandaloneIntegrationTest;
import ru.msed.database.EmbeddedBackup;

/**
 * Nothing acknowledged is lost. The built jar runs on its embedded PostgreSQL with the default
 * (durable) settings while several threads drive lifecycles over HTTP, recording every 2xx; the
 * JVM is killed with SIGKILL (first alone, leaving its PostgreSQL orphaned; then together with its
 * PostgreSQL), started again, and every acknowledged start, registration number and task completion
 * must be in the database, no number twice, and every instance must be able to finish. Then an
 * online backup, restored into an empty directory, must give a working application with the same
 * documents, numbers, file checksums and running instances. The first start and the backup commands
 * run the packaged jar as an operator does; the restarts, the restored copy and the import command
 * run the same jar extracted ({@link AppProcess#extracted()}), which starts with less CPU.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@StandaloneIntegrationTest
class DurabilityIT {

    static final Path ROOT = Path.of("target/durability-it").toAbsolutePath();
    static final Path DATA = ROOT.resolve("postgres");
    static final Path RESTORED = ROOT.resolve("restored");
    static final int THREADS = 4;
    /** Load before each kill: at least this long, and on until ACKNOWLEDGED more operations (a slow machine), at most LOAD_MAX. */
    static final Duration LOAD = Duration.ofSeconds(1);
    static final Duration LOAD_MAX = Duration.ofSeconds(40);
    static final int ACKNOWLEDGED = 40;
    static final Duration START = Duration.ofMinutes(3);

    static AppProcess app;
    static final Queue<Ack> acks = new ConcurrentLinkedQueue<>();

    /** One acknowledged operation: a start (instance, document), a completed task, or a registration number. */
    record Ack(String kind, String instanceId, String taskId, long documentId, String number) {
    }

    @Test
    @Order(1)
    void acknowledgedWorkSurvivesKillsOfTheApplicationAndItsDatabase() throws Exception {
        deleteRecursively(ROOT);
        // No demo work: the test finishes and counts every instance in the database.
        List<String> arguments = List.of("--msed.embedded-postgres.data-directory=" + DATA, "--msed.demo.work=false");
        app = AppProcess.start("durability-1", AppProcess.freePort(), arguments);
        app.awaitReady(START);

        // 1. The JVM alone: its PostgreSQL is orphaned, and the next start must stop it.
        load(app.port, () -> AppProcess.kill9(app.pid()));
        long orphan = postmasterPid(DATA);
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("orphaned postmaster").isPresent();
        app = AppProcess.startExtracted("durability-2", AppProcess.freePort(), arguments);
        Duration afterOrphan = app.awaitReady(START);
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("orphan stopped").isEmpty();
        int checkedFirst = verifyAcknowledged();

        // 2. The JVM and its PostgreSQL in the same instant: crash recovery from the WAL.
        load(app.port, () -> AppProcess.kill9(app.pid(), postmasterPid(DATA)));
        app = AppProcess.startExtracted("durability-3", AppProcess.freePort(), arguments);
        Duration afterCrash = app.awaitReady(START);
        int checked = verifyAcknowledged();

        // New registrations take new numbers, never one already given.
        HttpLifecycles http = new HttpLifecycles(app.port);
        for (int i = 0; i < 3; i++) {
            HttpLifecycles.Started started = http.start();
            http.step(started.instanceId());
            acks.add(new Ack("number", started.instanceId(), null, started.documentId(), http.number(started.documentId())));
        }
        verifyAcknowledged();

        // Every instance, acknowledged or caught in flight, can finish.
        List<String> running = query("SELECT id_ FROM act_ru_execution WHERE parent_id_ IS NULL").stream().map(row -> row.get(0)).toList();
        finish(http, running);
        assertThat(query("SELECT id_ FROM act_ru_execution")).isEmpty();
        assertThat(query("SELECT id FROM document WHERE status <> 'CLOSED'")).isEmpty();

        System.out.printf("DurabilityIT: %d operations acknowledged (%d after the first kill), 0 lost; ready after the orphan %d ms,"
                + " after the crash (recovery) %d ms; %d instances finished%n", checked, checkedFirst, afterOrphan.toMillis(),
                afterCrash.toMillis(), running.size());
    }

    @Test
    @Order(2)
    void anOnlineBackupRestoredIntoAnEmptyDirectoryHasEveryDocumentNumberFileAndRunningInstance() throws Exception {
        HttpLifecycles http = new HttpLifecycles(app.port);
        List<String> running = new ArrayList<>();
        for (int steps = 0; steps < 4; steps++) {
            HttpLifecycles.Started started = http.start();
            for (int i = 0; i < steps; i++) {
                http.step(started.instanceId());
            }
            running.add(started.instanceId());
            upload(app.port, started.documentId(), ("скан " + steps).getBytes(StandardCharsets.UTF_8));
        }
        Map<String, List<List<String>>> before = snapshot();

        AppProcess.Result backup = AppProcess.run("durability-backup", List.of("--backup=" + ROOT.resolve("msed.tar.gz"),
                "--msed.embedded-postgres.data-directory=" + DATA), Duration.ofMinutes(2));
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("Резервная копия");
        // Work after the backup is not in it.
        http.step(running.get(0));
        app.stop();

        AppProcess.Result restore = AppProcess.run("durability-restore", List.of("--restore=" + ROOT.resolve("msed.tar.gz"),
                "--msed.embedded-postgres.data-directory=" + RESTORED), Duration.ofMinutes(2));
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        // A second restore into the same directory is refused (the command prints this message, exit code 1).
        assertThatThrownBy(() -> EmbeddedBackup.restore(ROOT.resolve("msed.tar.gz"), RESTORED))
                .hasMessageContaining("восстановление только в пустой каталог");

        app = AppProcess.startExtracted("durability-restored", AppProcess.freePort(),
                List.of("--msed.embedded-postgres.data-directory=" + RESTORED, "--msed.demo.work=false"));
        app.awaitReady(START);
        assertThat(snapshot(RESTORED)).isEqualTo(before);
        for (List<String> file : query(RESTORED, "SELECT document_id::text, id::text, sha256 FROM attachment ORDER BY id")) {
            byte[] bytes = Http.as(app.port, "registrar").get().uri("/api/documents/{d}/attachments/{a}", file.get(0), file.get(1))
                    .retrieve().body(byte[].class);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).isEqualTo(file.get(2));
        }
        finish(new HttpLifecycles(app.port), running);
        assertThat(query(RESTORED, "SELECT id_ FROM act_ru_execution")).isEmpty();
    }

    @Test
    @Order(3)
    void theImportCommandRunsWithoutAWebServer() throws Exception {
        app.stop();
        Path export = ROOT.resolve("empty-export.csv");
        Files.writeString(export, "organization_code;kind;registration_number;registration_date;correspondent;summary;"
                + "resolution_text;executor;deadline;executed_on;execution_mark;file_reference;files\n");
        // The port is taken: a web server would fail to start on it.
        try (var taken = new java.net.ServerSocket(0)) {
            AppProcess.Result imported = AppProcess.runExtracted("durability-import", List.of("--import=" + export,
                    "--msed.embedded-postgres.data-directory=" + RESTORED, "--server.port=" + taken.getLocalPort()), Duration.ofMinutes(3));
            assertThat(imported.exitCode()).as(imported.output()).isZero();
            assertThat(imported.output()).contains("Готово").doesNotContain("Tomcat started");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    /** THREADS threads of lifecycles, then the kill while they are still sending. */
    private static void load(int port, ThrowingRunnable kill) throws Exception {
        HttpLifecycles http = new HttpLifecycles(port);
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean killing = new AtomicBoolean();
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                while (!killed.get()) {
                    try {
                        HttpLifecycles.Started started = http.start();
                        acks.add(new Ack("start", started.instanceId(), null, started.documentId(), null));
                        Optional<HttpLifecycles.Completed> step;
                        while (!killed.get() && (step = http.step(started.instanceId())).isPresent()) {
                            acks.add(new Ack("task", started.instanceId(), step.get().taskId(), started.documentId(), null));
                            if (step.get().taskKey().equals("Task_FillRegistrationCard")) {
                                acks.add(new Ack("number", started.instanceId(), null, started.documentId(),
                                        http.number(started.documentId())));
                            }
                        }
                    } catch (RuntimeException e) {
                        if (!killing.get()) {
                            errors.add(e);
                            killed.set(true);
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        int before = acks.size();
        long started = System.nanoTime();
        try {
            while (errors.isEmpty() && (System.nanoTime() - started < LOAD.toNanos()
                    || acks.size() - before < ACKNOWLEDGED && System.nanoTime() - started < LOAD_MAX.toNanos())) {
                Thread.sleep(100);
            }
            assertThat(errors).as("errors before the kill").isEmpty();
            // From here on a failing request is the kill's doing: not acknowledged, not an error.
            killing.set(true);
            kill.run();
        } finally {
            killed.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void finish(HttpLifecycles http, List<String> instances) {
        for (String instance : instances) {
            int steps = 0;
            while (http.step(instance).isPresent()) {
                assertThat(++steps).as("steps of %s", instance).isLessThan(20);
            }
        }
    }

    /** Every acknowledged operation is in the database; returns how many were checked. */
    private static int verifyAcknowledged() throws SQLException, IOException {
        int checked = 0;
        List<String> lost = new ArrayList<>();
        try (Connection db = connect(DATA)) {
            for (Ack ack : acks) {
                String missing = switch (ack.kind()) {
                    case "start" -> count(db, "SELECT count(*) FROM document d JOIN act_hi_procinst p ON p.business_key_ = d.id::text"
                            + " WHERE d.id = " + ack.documentId() + " AND p.id_ = '" + ack.instanceId() + "'") == 1 ? null : "start";
                    case "task" -> count(db, "SELECT count(*) FROM act_hi_taskinst WHERE end_time_ IS NOT NULL AND id_ = '"
                            + ack.taskId() + "'") == 1 ? null : "completion";
                    default -> count(db, "SELECT count(*) FROM document WHERE id = " + ack.documentId() + " AND registration_number = '"
                            + ack.number() + "'") == 1 ? null : "number " + ack.number();
                };
                if (missing != null) {
                    lost.add(missing + " of " + ack);
                }
                checked++;
            }
            assertThat(count(db, "SELECT count(*) FROM (SELECT registration_number FROM document WHERE registration_number IS NOT NULL"
                    + " GROUP BY journal_id, registration_number HAVING count(*) > 1) twice")).as("numbers given twice").isZero();
        }
        assertThat(lost).as("acknowledged but lost").isEmpty();
        assertThat(acks.stream().filter(ack -> ack.kind().equals("number")).map(Ack::number).distinct().count())
                .isEqualTo(acks.stream().filter(ack -> ack.kind().equals("number")).count());
        return checked;
    }

    private static Map<String, List<List<String>>> snapshot() throws SQLException, IOException {
        return snapshot(DATA);
    }

    private static Map<String, List<List<String>>> snapshot(Path data) throws SQLException, IOException {
        Map<String, List<List<String>>> state = new LinkedHashMap<>();
        state.put("documents", query(data, "SELECT id::text, status, registration_number FROM document ORDER BY id"));
        state.put("journals", query(data, "SELECT id::text, last_number::text FROM journal ORDER BY id"));
        state.put("files", query(data, "SELECT id::text, document_id::text, sha256, content_key FROM attachment ORDER BY id"));
        state.put("instances", query(data, "SELECT id_, proc_def_id_, business_key_ FROM act_ru_execution WHERE parent_id_ IS NULL ORDER BY id_"));
        state.put("tasks", query(data, "SELECT id_, task_def_key_, assignee_ FROM act_ru_task ORDER BY id_"));
        return state;
    }

    private static List<List<String>> query(String sql) throws SQLException, IOException {
        return query(DATA, sql);
    }

    private static List<List<String>> query(Path data, String sql) throws SQLException, IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection db = connect(data); Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The running application's embedded PostgreSQL, found through its pid file (port on line 4). */
    static Connection connect(Path data) throws SQLException, IOException {
        String port = Files.readAllLines(data.resolve("postmaster.pid")).get(3).trim();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    private static void upload(int port, long documentId, byte[] content) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.APPLICATION_PDF);
        part.setContentDispositionFormData("file", "скан.pdf");
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "скан.pdf";
            }
        }, part));
        int status = Http.as(port, "registrar").post().uri("/api/documents/{id}/attachments", documentId)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).retrieve().toBodilessEntity().getStatusCode().value();
        assertThat(status).isEqualTo(201);
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
