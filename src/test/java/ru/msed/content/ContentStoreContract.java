package ru.msed.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every content store must do, run against each implementation by a subclass
 * ({@link FileSystemContentStoreTest} on a folder, {@link S3ContentStoreTest} against a real S3 server).
 */
abstract class ContentStoreContract {

    static final long SCAN = 150L * 1024 * 1024;

    /** A fresh, empty store. */
    abstract ContentStore store();

    @Test
    void storesContentOnceUnderItsSha256AndReadsItBack() throws IOException {
        ContentStore store = store();
        byte[] scan = "%PDF-1.7 скан письма".getBytes(StandardCharsets.UTF_8);
        String sha = sha256(scan);

        ContentStore.StoredContent first = store.put(new ByteArrayInputStream(scan), 1000);
        ContentStore.StoredContent again = store.put(new ByteArrayInputStream(scan), 1000);

        assertThat(first).isEqualTo(new ContentStore.StoredContent(sha, scan.length, true));
        assertThat(again.created()).isFalse();
        assertThat(store.size(sha)).isEqualTo(scan.length);
        try (InputStream in = store.open(sha, 0, scan.length)) {
            assertThat(in.readAllBytes()).isEqualTo(scan);
        }
        try (Stream<ContentStore.StoredObject> listed = store.list()) {
            assertThat(listed.map(ContentStore.StoredObject::key)).containsExactly(sha);
        }
    }

    @Test
    void readsExactRanges() throws IOException {
        ContentStore store = store();
        byte[] content = new byte[100_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        String key = store.put(new ByteArrayInputStream(content), content.length).key();

        try (InputStream middle = store.open(key, 1000, 5000); InputStream last = store.open(key, content.length - 1, 1);
                InputStream none = store.open(key, 10, 0)) {
            assertThat(middle.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, 1000, 6000));
            assertThat(last.readAllBytes()).containsExactly(content[content.length - 1]);
            assertThat(none.readAllBytes()).isEmpty();
        }
    }

    @Test
    void contentOverTheLimitLeavesNothingBehind() {
        ContentStore store = store();

        assertThatThrownBy(() -> store.put(new GeneratedContent(10_001, 1), 10_000))
                .isInstanceOf(ContentTooLargeException.class);

        assertThat(keys(store)).isEmpty();
        assertThat(store.removeTemporaryOlderThan(Instant.now().plusSeconds(60))).isZero();
    }

    @Test
    void anUploadBrokenOffStoresNothingUnderAKey() {
        ContentStore store = store();
        InputStream broken = new InputStream() {
            private int left = 70_000;

            @Override
            public int read() throws IOException {
                if (left-- == 0) {
                    throw new IOException("connection reset by the client");
                }
                return 7;
            }
        };

        assertThatThrownBy(() -> store.put(broken, 1_000_000)).isInstanceOf(ContentStoreException.class);

        assertThat(keys(store)).isEmpty();
        assertThat(store.removeTemporaryOlderThan(Instant.now().plusSeconds(60))).isZero();
    }

    @Test
    void aMissingKeyIsToldApartFromAnEmptyFile() {
        ContentStore store = store();
        String missing = sha256("никогда не загружался".getBytes(StandardCharsets.UTF_8));

        assertThat(store.size(missing)).isEqualTo(-1);
        assertThatThrownBy(() -> store.open(missing, 0, 10).readAllBytes()).isInstanceOf(ContentMissingException.class);
        assertThatThrownBy(() -> store.open("../../etc/passwd", 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsKeysInAscendingOrderAndDeletes() {
        ContentStore store = store();
        List<String> stored = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stored.add(store.put(new GeneratedContent(100 + i, i), 1000).key());
        }
        assertThat(keys(store)).containsExactlyElementsOf(stored.stream().sorted().toList());

        store.delete(stored.get(3));

        assertThat(store.size(stored.get(3))).isEqualTo(-1);
        assertThat(keys(store)).hasSize(19).doesNotContain(stored.get(3));
    }

    /**
     * A 150 MB scan in and out with the live heap measured half-way through each direction: a
     * store that held the file in memory would show ≥ 75 MB there.
     */
    @Test
    void streamsA150MegabyteScanBothWaysWithFlatHeap() throws IOException {
        ContentStore store = store();
        HeapProbe heap = new HeapProbe();
        long started = System.nanoTime();

        ContentStore.StoredContent stored = store.put(new GeneratedContent(SCAN, 42, heap::sample), 200L * 1024 * 1024);
        double uploadSeconds = (System.nanoTime() - started) / 1e9;

        started = System.nanoTime();
        var digest = ContentKeys.sha256();
        long read = 0;
        try (InputStream in = store.open(stored.key(), 0, stored.size())) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                read += n;
                if (read >= SCAN / 2 && read - n < SCAN / 2) {
                    heap.sample();
                }
            }
        }
        double downloadSeconds = (System.nanoTime() - started) / 1e9;

        assertThat(stored.size()).isEqualTo(SCAN);
        assertThat(ContentKeys.hex(digest)).isEqualTo(stored.key()).isEqualTo(GeneratedContent.sha256(SCAN, 42));
        System.out.printf("%s: 150 MB stored at %.0f MB/s, read at %.0f MB/s; live heap growth at half-way at most %d MiB%n",
                getClass().getSimpleName(), 150 / uploadSeconds, 150 / downloadSeconds, heap.maxGrowthMiB());
        assertThat(heap.maxGrowthMiB()).as("live heap growth (MiB) half-way through a 150 MB transfer").isLessThan(40);
        store.delete(stored.key());
    }

    static List<String> keys(ContentStore store) {
        try (Stream<ContentStore.StoredObject> listed = store.list()) {
            return listed.map(ContentStore.StoredObject::key).toList();
        }
    }

    static String sha256(byte[] content) {
        var digest = ContentKeys.sha256();
        digest.update(content);
        return ContentKeys.hex(digest);
    }
}
