package ru.msed.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files under a directory ({@code ./data/files} by default), one per content, at
 * {@code ab/cd/abcd…} (two levels of 256 folders keep directories small at millions of files).
 * An upload is written to {@code tmp/}, fsynced, then renamed into place and its folder fsynced:
 * a crash leaves at most a temporary file, never a partial file under a real name.
 */
public class FileSystemContentStore implements ContentStore {

    private static final Logger log = LoggerFactory.getLogger(FileSystemContentStore.class);
    private static final String TEMPORARY = "tmp";

    private final Path root;
    private final Path temporary;

    public FileSystemContentStore(Path root) {
        try {
            this.root = Files.createDirectories(root).toAbsolutePath().normalize();
            this.temporary = Files.createDirectories(this.root.resolve(TEMPORARY));
        } catch (IOException e) {
            throw new ContentStoreException("Cannot create the file store directory " + root, e);
        }
    }

    @Override
    public StoredContent put(InputStream content, long maxBytes) {
        StagedFile staged = StagedFile.write(content, temporary.resolve(UUID.randomUUID() + ".part"), maxBytes);
        Path target = path(staged.key());
        try {
            if (Files.exists(target) && Files.size(target) == staged.size()) {
                staged.delete();
                return new StoredContent(staged.key(), staged.size(), false);
            }
            // Missing, or damaged by hand (another size): the fresh copy takes its place.
            Path folder = target.getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                syncDirectory(folder.getParent());
                syncDirectory(folder.getParent().getParent());
            }
            Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(folder);
            return new StoredContent(staged.key(), staged.size(), true);
        } catch (AtomicMoveNotSupportedException e) {
            staged.delete();
            throw new ContentStoreException("The file store's tmp folder must be on the same file system as the files", e);
        } catch (IOException e) {
            staged.delete();
            throw new ContentStoreException("Could not store " + staged.key(), e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(path(key), StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (NoSuchFileException e) {
            throw new ContentMissingException(key);
        } catch (IOException e) {
            throw new ContentStoreException("Could not read " + key, e);
        }
    }

    @Override
    public long size(String key) {
        try {
            return Files.size(path(key));
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            throw new ContentStoreException("Could not read " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new ContentStoreException("Could not delete " + key, e);
        }
    }

    @Override
    public Stream<StoredObject> list() {
        // Sorted at each level: ab/ then cd/ then the names give the keys in ascending order.
        return sorted(root).filter(level1 -> level1.getFileName().toString().matches("[0-9a-f]{2}"))
                .flatMap(level1 -> sorted(level1).flatMap(level2 -> sorted(level2)))
                .filter(file -> ContentKeys.isKey(file.getFileName().toString()))
                .map(file -> {
                    try {
                        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                        return new StoredObject(file.getFileName().toString(), attributes.size(),
                                attributes.lastModifiedTime().toInstant());
                    } catch (NoSuchFileException e) {
                        return null;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .filter(java.util.Objects::nonNull);
    }

    @Override
    public int removeTemporaryOlderThan(Instant limit) {
        int removed = 0;
        for (Path file : sorted(temporary).toList()) {
            try {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(limit) && Files.deleteIfExists(file)) {
                    removed++;
                }
            } catch (IOException e) {
                log.warn("Could not remove the temporary file {}: {}", file, e.toString());
            }
        }
        return removed;
    }

    @Override
    public String describe() {
        return "file system " + root;
    }

    Path path(String key) {
        ContentKeys.require(key);
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private static Stream<Path> sorted(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> list = entries.sorted().toList();
            return list.stream();
        } catch (NoSuchFileException e) {
            return Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a rename or a new entry in {@code directory} itself durable (Linux allows fsync on a directory). */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for sync; the rename itself is still atomic.
            log.debug("Directory sync not available for {}: {}", directory, e.toString());
        }
    }
}
