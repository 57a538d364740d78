package ru.msed.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.msed.StandaloneIntegrationTest;

/** The embedded server's start-up rules, on servers of their own (no Spring context). */
@StandaloneIntegrationTest
class EmbeddedPostgresServerIT {

    private static EmbeddedPostgresProperties at(String directory, int port) {
        return new EmbeddedPostgresProperties("target/epg-it/" + directory, port, true, Map.of(), null, null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long postmasterPid(Path directory) throws IOException {
        return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
    }

    @Test
    void isDurableByDefault() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(at("durable", 0))) {
            JdbcTemplate jdbc = new JdbcTemplate(server.dataSource());
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
        }
    }

    @Test
    void stopsTheServerOrphanedOnItsDataDirectoryAndKeepsTheData() throws Exception {
        Path directory = Path.of("target/epg-it/orphan").toAbsolutePath();
        String postgresBinary;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(at("orphan", 0))) {
            new JdbcTemplate(first.dataSource()).execute("CREATE TABLE kept AS SELECT 42 AS answer");
            postgresBinary = ProcessHandle.of(postmasterPid(directory)).orElseThrow().info().command().orElseThrow();
        }
        // A server on the directory that no application owns: what a SIGKILLed JVM leaves behind.
        // (As root the server runs in a user namespace, as the library starts it.)
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgresBinary, "-D", directory.toString(), "-p", Integer.toString(freePort())));
        Process orphan = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (!Files.exists(directory.resolve("postmaster.pid")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        long orphanPid = postmasterPid(directory);
        assertThat(orphanPid).isEqualTo(orphan.pid());

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                new EmbeddedPostgresProperties(directory.toString(), 0, false, Map.of(), null, null))) {
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(new JdbcTemplate(server.dataSource()).queryForObject("SELECT answer FROM kept", Integer.class)).isEqualTo(42);
        }
    }

    @Test
    void refusesADataDirectoryInUseAndAPortTakenByAnotherServer() throws Exception {
        int port = freePort();
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(at("first", port))) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(at("first", 0)))
                    .isInstanceOf(EmbeddedPostgresException.class)
                    .hasMessageContaining("уже использует другой запущенный экземпляр МСЭД");
            // Another application on the same fixed port never uses the server that answers there.
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(at("second", port)))
                    .isInstanceOf(EmbeddedPostgresException.class)
                    .hasMessageContaining("Порт " + port + " уже занят");
            try (Connection connection = running.dataSource().getConnection(); Statement statement = connection.createStatement();
                    ResultSet tables = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
                tables.next();
                assertThat(tables.getInt(1)).isZero();
            }
        }
    }
}
