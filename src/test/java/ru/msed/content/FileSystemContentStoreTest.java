package ru.msed.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract on a folder under target/, and what only a file system store can show: no half file after a crash. */
class FileSystemContentStoreTest extends ContentStoreContract {

    private final Path root = Path.of("target/content-store-tests", UUID.randomUUID().toString());
    private final FileSystemContentStore store = new FileSystemContentStore(root);

    @Override
    ContentStore store() {
        return store;
    }

    /** A crash during the write leaves a .part file in tmp/ (never under the key), removed once it is old. */
    @Test
    void aCrashMidWriteLeavesOnlyATemporaryFileThatIsCleanedUp() throws Exception {
        Path leftover = root.resolve("tmp").resolve(UUID.randomUUID() + ".part");
        Files.write(leftover, new byte[12_345]);
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minusSeconds(3600)));

        assertThat(ContentStoreContract.keys(store)).isEmpty();
        assertThat(store.removeTemporaryOlderThan(Instant.now().minusSeconds(60))).isEqualTo(1);
        assertThat(leftover).doesNotExist();
    }

    @Test
    void keepsFilesInTwoLevelsOfFoldersAndRepairsADamagedCopyOnUpload() throws Exception {
        byte[] content = "содержимое".getBytes(StandardCharsets.UTF_8);
        String key = store.put(new ByteArrayInputStream(content), 100).key();
        Path file = root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
        assertThat(file).hasBinaryContent(content);

        Files.write(file, new byte[3]);
        assertThat(store.put(new ByteArrayInputStream(content), 100).created()).isTrue();

        assertThat(file).hasBinaryContent(content);
    }
}
