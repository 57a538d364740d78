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
 * in {@code target/processes/}. The {@code *Extracted} variants run the same jar extracted once
 * ({@link #extracted()}), which starts with about 40 % less CPU.
 */
final class AppProcess implements AutoCloseable {

    static final Path LOGS = Path.of("target/processes");
    static final Path EXTRACTED = Path.of("target/msed-extracted");
    private static Path extractedJar;

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

    /**
     * The jar extracted by Spring Boot's own tool ({@code java -Djarmode=tools -jar msed.jar extract}, the layout its
     * documentation recommends for efficient deployments): the same classes in plain jars beside the application's,
     * run by {@code java -jar}. The nested jars' class loader costs the packaged jar about 40 % more CPU at every
     * start; the tests that start the application many times use this layout, and the packaged jar where the
     * operator's exact command matters. Extracted once per test JVM, anew, so it is the jar of this build.
     */
    static synchronized Path extracted() throws Exception {
        if (extractedJar == null) {
            Path jar = jar();
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve("extract.log");
            Process process = new ProcessBuilder(javaCommand(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                    EXTRACTED.toString(), "--force").redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Extracting " + jar + " failed:\n" + Files.readString(log));
            }
            extractedJar = EXTRACTED.resolve(jar.getFileName());
        }
        return extractedJar;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> java(Path jar, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(javaCommand(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-jar", jar.toString()));
        command.addAll(arguments);
        return command;
    }

    /** The packaged jar, started as an operator starts it. */
    static AppProcess start(String name, int port, List<String> arguments) throws IOException {
        return start(jar(), name, port, arguments);
    }

    /** The same application from the {@link #extracted()} jar. */
    static AppProcess startExtracted(String name, int port, List<String> arguments) throws Exception {
        return start(extracted(), name, port, arguments);
    }

    private static AppProcess start(Path jar, String name, int port, List<String> arguments) throws IOException {
        Files.createDirectories(LOGS);
        List<String> all = new ArrayList<>(List.of("--server.port=" + port, "--spring.main.banner-mode=off"));
        all.addAll(arguments);
        Process process = new ProcessBuilder(java(jar, all)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile())).start();
        return new AppProcess(name, process, port);
    }

    /** Runs a command of the packaged jar to its end: exit code and output. */
    static Result run(String name, List<String> arguments, Duration timeout) throws Exception {
        return run(jar(), name, arguments, timeout);
    }

    /** Runs a command of the {@link #extracted()} jar to its end. */
    static Result runExtracted(String name, List<String> arguments, Duration timeout) throws Exception {
        return run(extracted(), name, arguments, timeout);
    }

    private static Result run(Path jar, String name, List<String> arguments, Duration timeout) throws Exception {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log");
        Process process = new ProcessBuilder(java(jar, arguments)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
