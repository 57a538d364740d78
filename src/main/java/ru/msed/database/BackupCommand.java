package ru.msed.database;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar msed.jar --backup=msed.tar.gz [--msed.embedded-postgres.data-directory=data/postgres]}
 * and {@code --restore=msed.tar.gz} into an empty data directory: the embedded database's backup,
 * run without starting the application (while it runs or not). External databases use
 * {@code pg_dump}/{@code pg_restore} (README, "Backup and restore").
 */
public final class BackupCommand {

    private static final String DATA_DIRECTORY = "--msed.embedded-postgres.data-directory=";

    private BackupCommand() {
    }

    public static boolean handles(String[] args) {
        return option(args, "--backup=").isPresent() || option(args, "--restore=").isPresent();
    }

    public static int run(String[] args) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path dataDirectory = Path.of(option(args, DATA_DIRECTORY).orElse("data/postgres")).toAbsolutePath().normalize();
        try {
            Optional<String> restore = option(args, "--restore=");
            if (restore.isPresent()) {
                long files = EmbeddedBackup.restore(Path.of(restore.get()), dataDirectory);
                System.out.printf("Восстановлено в %s: файлов %d. Запустите приложение с этим каталогом данных:"
                        + " PostgreSQL доиграет журнал копии при первом запуске.%n", dataDirectory, files);
                return 0;
            }
            Path archive = Path.of(option(args, "--backup=").orElseThrow()).toAbsolutePath();
            Optional<Integer> port = Postmaster.port(dataDirectory);
            EmbeddedBackup.Result result;
            if (port.isPresent()) {
                result = EmbeddedBackup.backup(dataDirectory, port.get(), archive);
            } else {
                // The application is not running: start the server on its own for the copy.
                try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                        new EmbeddedPostgresProperties(dataDirectory.toString(), 0, false, Map.of(), null, null))) {
                    result = EmbeddedBackup.backup(dataDirectory, server.port(), archive);
                }
            }
            System.out.printf("Резервная копия %s: файлов %d, %.1f МБ данных, журнал %s…%s%n", archive, result.files(),
                    result.bytes() / 1048576.0, result.startLsn(), result.stopLsn());
            return 0;
        } catch (Exception e) {
            System.err.println("Ошибка / failed: " + e.getMessage());
            return 1;
        }
    }

    private static Optional<String> option(String[] args, String prefix) {
        return Arrays.stream(args).filter(arg -> arg.startsWith(prefix)).map(arg -> arg.substring(prefix.length())).findFirst();
    }
}
