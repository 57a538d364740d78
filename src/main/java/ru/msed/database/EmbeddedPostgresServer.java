package ru.msed.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 17 the application runs itself, made safe to crash: durable settings by default,
 * one application per data directory, a server orphaned by a killed application stopped before the
 * next start, a start-up wait long enough for crash recovery, and a check that the server answering
 * is the one running on this data directory (never some other PostgreSQL on the same port).
 */
public final class EmbeddedPostgresServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, FileChannel lockChannel, FileLock lock) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) throws IOException {
        Path directory = Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
        Files.createDirectories(directory.getParent());
        Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockOrRefuse(channel, directory);
        try {
            // The lock proves no running application owns the directory: a server still on it is an orphan.
            Postmaster.stopOrphan(directory, properties.stopWait());
            if (properties.clean()) {
                deleteRecursively(directory);
            }
            Files.createDirectories(directory);
            if (properties.port() > 0) {
                refuseIfPortTaken(properties.port());
            }
            EmbeddedPostgres postgres = startServer(properties, directory);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, directory, channel, lock);
            server.verifyIdentity();
            return server;
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    private static FileLock lockOrRefuse(FileChannel channel, Path directory) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new EmbeddedPostgresException("Каталог данных " + directory + " уже использует другой запущенный экземпляр МСЭД"
                    + " / the data directory is in use by another running MSED application",
                    "Stop the other application, or set msed.embedded-postgres.data-directory to a directory of its own.");
        }
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        return lock;
    }

    private static void refuseIfPortTaken(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
        } catch (IOException free) {
            return;
        }
        throw new EmbeddedPostgresException("Порт " + port + " уже занят другой программой (другой PostgreSQL?), а не встроенной"
                + " базой МСЭД / port " + port + " is taken by another program",
                "Free the port, or set msed.embedded-postgres.port to a free one (0 picks any free port).");
    }

    private static EmbeddedPostgres startServer(EmbeddedPostgresProperties properties, Path directory) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory.toFile())
                // Cleaning is done above, where an orphan has been stopped first.
                .setCleanDataDirectory(false)
                // Spring closes it after the engine and the pool; a JVM hook of its own would race them.
                .setRegisterShutdownHook(false)
                // Crash recovery after a kill replays the WAL written since the last checkpoint.
                .setPGStartupWait(properties.startupWait())
                // UTF-8 with PostgreSQL 17's built-in provider: Cyrillic case mapping without OS locales.
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setServerConfig("max_connections", "100")
                // A 2xx means committed to disk. The library starts the server with -F (fsync off) and
                // synchronous_commit=off; these -c options come after -F on the command line and win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        properties.serverConfig().forEach(builder::setServerConfig);
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            // A server that did not come up in time is still running: do not leave it behind.
            Postmaster.stopOrphan(directory, properties.stopWait());
            throw new EmbeddedPostgresException("Встроенная PostgreSQL не запустилась за " + properties.startupWait()
                    + " (" + e.getMessage() + ") / the embedded PostgreSQL did not start in time",
                    "See the PostgreSQL lines above; after a crash recovery may take longer: raise msed.embedded-postgres.startup-wait.", e);
        }
    }

    /** The server on our port must be the one serving our data directory, not any PostgreSQL that happens to answer. */
    private void verifyIdentity() throws IOException {
        String served;
        String fsync;
        String synchronousCommit;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            served = show(statement, "data_directory");
            fsync = show(statement, "fsync");
            synchronousCommit = show(statement, "synchronous_commit");
        } catch (SQLException e) {
            close();
            throw new EmbeddedPostgresException("Встроенная PostgreSQL не отвечает после запуска / the embedded PostgreSQL does not answer",
                    "See the PostgreSQL lines above.", e);
        }
        if (!Files.isSameFile(Path.of(served), dataDirectory)) {
            close();
            throw new EmbeddedPostgresException("На порту " + postgres.getPort() + " отвечает другой сервер PostgreSQL (каталог " + served
                    + "), не запущенный МСЭД / another PostgreSQL answers on that port",
                    "Stop that server or set msed.embedded-postgres.port to a free port.");
        }
        log.info("Embedded PostgreSQL on port {}, data in {} (fsync={}, synchronous_commit={})", postgres.getPort(), dataDirectory,
                fsync, synchronousCommit);
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
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
