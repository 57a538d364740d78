package ru.msed.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server process as its data directory's {@code postmaster.pid} names it (line 1: pid,
 * line 2: data directory, line 4: port). The server outlives a JVM killed with SIGKILL; the next
 * start finds it here and shuts it down.
 */
final class Postmaster {

    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);

    private Postmaster() {
    }

    /** The live server process on this data directory, if any. */
    static Optional<ProcessHandle> running(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.size() < 2 || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // Dead: the server removes its own stale pid file at start.
            return Optional.empty();
        }
        boolean postgres = process.get().info().command().map(c -> c.endsWith("/postgres")).orElse(false);
        boolean ours = Files.exists(Path.of(lines.get(1))) && Files.isSameFile(Path.of(lines.get(1)), dataDirectory);
        if (!postgres || !ours) {
            // The pid now belongs to another program (or the file was copied with the directory):
            // the server would refuse to start over it, and nothing of ours is running.
            log.warn("Stale postmaster.pid in {} (pid {} is not its server): removed", dataDirectory, process.get().pid());
            Files.delete(pidFile);
            return Optional.empty();
        }
        return process;
    }

    /** The port of the live server on this data directory (line 4 of its pid file). */
    static Optional<Integer> port(Path dataDirectory) throws IOException {
        if (running(dataDirectory).isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
        return lines.size() < 4 ? Optional.empty() : Optional.of(Integer.parseInt(lines.get(3).trim()));
    }

    /** Stops the server left running on this data directory, or refuses the start saying what to do. */
    static void stopOrphan(Path dataDirectory, Duration wait) throws IOException {
        Optional<ProcessHandle> orphan = running(dataDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        log.warn("The embedded PostgreSQL (pid {}) of an application that ended without stopping it still runs on {}: stopping it",
                process.pid(), dataDirectory);
        try {
            // SIGINT is PostgreSQL's "fast" shutdown: sessions ended, a clean checkpoint written. (The
            // library's pg_ctl refuses to run as root; the signal works for any user that owns the process.)
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | IOException e) {
            // Reported below.
        }
        if (process.isAlive()) {
            throw new EmbeddedPostgresException("Сервер PostgreSQL (pid " + process.pid() + "), оставшийся от прерванного запуска МСЭД,"
                    + " не остановился за " + wait + " / an orphaned embedded PostgreSQL did not stop",
                    "Stop it with: kill -INT " + process.pid() + " (or kill -9 " + process.pid() + "), then start again.");
        }
        log.info("Orphaned embedded PostgreSQL (pid {}) stopped", process.pid());
    }
}
