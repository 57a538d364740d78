package ru.msed.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built application jar ({@code target/msed-*.jar}, made by the package phase before the
 * integration tests) running as a process of its own, as an operator runs it: small heap, its log
 * in {@code target/processes/}.
 */
final class AppProcess implements AutoCloseable {

    static final Path LOGS = Path.of("target/processes");

    private final String name;
    private final Process process;
    final int port;

    private AppProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(path -> path.getFileName().toString().matches("msed-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No application jar in target/: run the package phase (./mvnw verify does)"));
        }
    }

    static List<String> java(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-jar", jar().toString()));
        command.addAll(arguments);
        return command;
    }

    static AppProcess start(String name, int port, List<String> arguments) throws IOException {
        Files.createDirectories(LOGS);
        List<String> all = new ArrayList<>(List.of("--server.port=" + port, "--spring.main.banner-mode=off"));
        all.addAll(arguments);
        Process process = new ProcessBuilder(java(all)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile())).start();
        return new AppProcess(name, process, port);
    }

    /** Runs a command of the jar to its end: exit code and output. */
    static Result run(String name, List<String> arguments, Duration timeout) throws Exception {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log");
        Process process = new ProcessBuilder(java(arguments)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(name + " did not finish in " + timeout + ":\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits for the readiness probe (database and engine up) and returns how long it took. */
    Duration awaitReady(Duration timeout) throws Exception {
        long started = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - started < timeout.toNanos()) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " not ready in " + timeout + ":\n" + tail());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM: Spring closes the engine, the pool and the embedded server. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(LOGS.resolve(name + ".log"), StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** SIGKILL, with any other pids (the embedded PostgreSQL) in the same instant. */
    static void kill9(long... pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-9"));
        for (long pid : pids) {
            command.add(Long.toString(pid));
        }
        new ProcessBuilder(command).inheritIO().start().waitFor();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().join());
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            stop();
        }
    }
}
