package ru.msed.database;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Online backup and restore of the embedded database, with nothing installed: the embedded
 * binaries have no {@code pg_dump} or {@code pg_basebackup}, so this does what {@code pg_basebackup}
 * does, through PostgreSQL's low-level backup API (documented in "Continuous Archiving", "Making a
 * Base Backup Using the Low Level API"): {@code pg_backup_start}, a copy of the data directory,
 * {@code pg_backup_stop}'s backup label, and the WAL written meanwhile (kept by a temporary
 * replication slot). Restored into an empty directory, the server replays that WAL at its first
 * start and opens exactly as the database was when the backup ended. Attachments are in the database.
 */
public final class EmbeddedBackup {

    /** Contents the server rebuilds itself or that belong to the running server only (as pg_basebackup skips them). */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map",
            "epg-lock", "current_logfiles");
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_subtrans");

    private EmbeddedBackup() {
    }

    public record Result(long files, long bytes, String startLsn, String stopLsn) {
    }

    /** Backs up the server running on this data directory, listening on {@code port}, into a .tar.gz. */
    public static Result backup(Path dataDirectory, int port, Path archive) throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            // The WAL from here on stays until this session ends, whatever checkpoints happen meanwhile.
            statement.execute("SELECT pg_create_physical_replication_slot('msed_backup_' || pg_backend_pid(), true, true)");
            String startLsn = single(statement, "SELECT pg_backup_start('msed', true)::text");
            String startWal = single(statement, "SELECT pg_walfile_name('" + startLsn + "')");
            Files.createDirectories(archive.toAbsolutePath().getParent());
            Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
            long[] totals = new long[2];
            String stopLsn;
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                    new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)), 1 << 16))) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                copyDataDirectory(dataDirectory, tar, totals);
                Map<String, String> stop;
                try (ResultSet result = statement.executeQuery("SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                    result.next();
                    stop = Map.of("lsn", result.getString(1), "label", result.getString(2),
                            "map", result.getString(3) == null ? "" : result.getString(3));
                }
                stopLsn = stop.get("lsn");
                String stopWal = single(statement, "SELECT pg_walfile_name('" + stopLsn + "')");
                text(tar, "backup_label", stop.get("label"));
                if (!stop.get("map").isEmpty()) {
                    text(tar, "tablespace_map", stop.get("map"));
                }
                copyWal(dataDirectory.resolve("pg_wal"), startWal, stopWal, tar, totals);
            }
            Files.move(partial, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Result(totals[0], totals[1], startLsn, stopLsn);
        }
    }

    /** Unpacks a backup into an empty (or absent) data directory. */
    public static long restore(Path archive, Path dataDirectory) throws IOException {
        if (Files.isDirectory(dataDirectory)) {
            try (Stream<Path> contents = Files.list(dataDirectory)) {
                if (contents.findAny().isPresent()) {
                    throw new IllegalStateException("Каталог " + dataDirectory + " не пуст: восстановление только в пустой каталог"
                            + " / restore into an empty directory only");
                }
            }
        }
        Files.createDirectories(dataDirectory);
        long files = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive))))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = dataDirectory.resolve(entry.getName()).normalize();
                if (!target.startsWith(dataDirectory)) {
                    throw new IOException("Unexpected path in the backup: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    files++;
                }
            }
        }
        // PostgreSQL refuses a data directory that others may read.
        try (Stream<Path> paths = Files.walk(dataDirectory)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
            }
        }
        return files;
    }

    private static void copyDataDirectory(Path dataDirectory, TarArchiveOutputStream tar, long[] totals) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dataDirectory)) {
            paths = walk.filter(path -> !path.equals(dataDirectory)).sorted().toList();
        }
        for (Path path : paths) {
            Path relative = dataDirectory.relativize(path);
            String name = relative.toString().replace('\\', '/');
            String top = relative.getName(0).toString();
            boolean insideEmptied = EMPTIED_DIRECTORIES.contains(top) && relative.getNameCount() > 1;
            if (insideEmptied || SKIPPED_FILES.contains(name) || name.contains("pgsql_tmp")) {
                continue;
            }
            if (Files.isDirectory(path)) {
                TarArchiveEntry entry = new TarArchiveEntry(name + "/");
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
                continue;
            }
            if (Files.isRegularFile(path)) {
                copyFile(path, name, tar, totals);
            }
        }
        TarArchiveEntry status = new TarArchiveEntry("pg_wal/archive_status/");
        tar.putArchiveEntry(status);
        tar.closeArchiveEntry();
    }

    private static void copyWal(Path wal, String startWal, String stopWal, TarArchiveOutputStream tar, long[] totals) throws IOException {
        List<Path> segments;
        try (Stream<Path> files = Files.list(wal)) {
            segments = files.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path segment : segments) {
            String name = segment.getFileName().toString();
            boolean inRange = name.length() == 24 && name.compareTo(startWal) >= 0 && name.compareTo(stopWal) <= 0;
            if (inRange || name.endsWith(".history")) {
                copyFile(segment, "pg_wal/" + name, tar, totals);
            }
        }
    }

    /** A file as long as it was when listed: the server may extend or truncate it meanwhile, the WAL replay puts it right. */
    private static void copyFile(Path path, String name, TarArchiveOutputStream tar, long[] totals) throws IOException {
        long size;
        try {
            size = Files.size(path);
        } catch (java.nio.file.NoSuchFileException dropped) {
            return;
        }
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        tar.putArchiveEntry(entry);
        long written = 0;
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while (written < size && (read = in.read(buffer, 0, (int) Math.min(buffer.length, size - written))) > 0) {
                tar.write(buffer, 0, read);
                written += read;
            }
        } catch (java.nio.file.NoSuchFileException dropped) {
            // Dropped while copying: zeros, and the WAL replay removes it.
        }
        byte[] zeros = new byte[8192];
        while (written < size) {
            int n = (int) Math.min(zeros.length, size - written);
            tar.write(zeros, 0, n);
            written += n;
        }
        tar.closeArchiveEntry();
        totals[0]++;
        totals[1] += size;
    }

    private static void text(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

}
