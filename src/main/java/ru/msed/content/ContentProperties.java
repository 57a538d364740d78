package ru.msed.content;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where files are kept ({@code msed.files}); every value also comes from the environment, e.g.
 * {@code MSED_FILES_STORE=s3}, {@code MSED_FILES_S3_ENDPOINT}, {@code MSED_FILES_S3_BUCKET}.
 *
 * @param store {@code filesystem} (default) or {@code s3}
 * @param directory the file system store's folder
 */
@ConfigurationProperties("msed.files")
public record ContentProperties(String store, Path directory, S3 s3, Sweep sweep) {

    public ContentProperties {
        store = store == null || store.isBlank() ? "filesystem" : store.strip().toLowerCase();
        directory = directory == null ? Path.of("data/files") : directory;
        s3 = s3 == null ? new S3(null, null, null, null, null, null, null, null, null, 0) : s3;
        sweep = sweep == null ? new Sweep(null, null, null) : sweep;
    }

    /**
     * An S3-compatible bucket. Without {@code accessKey}/{@code secretKey} the SDK's default chain
     * is used ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, profiles, instance roles).
     *
     * @param endpoint e.g. {@code http://minio:9000}; empty for AWS itself
     * @param pathStyle {@code bucket} in the path, not the host name (MinIO, Ceph RGW); on by default
     * @param staging local folder where an upload waits until its hash is known
     */
    public record S3(String endpoint, String region, String bucket, String prefix, String accessKey, String secretKey,
            Boolean pathStyle, Boolean createBucket, Path staging, int maxConnections) {

        public S3 {
            region = region == null || region.isBlank() ? "us-east-1" : region;
            bucket = bucket == null || bucket.isBlank() ? "msed-files" : bucket;
            prefix = prefix == null ? "" : prefix;
            pathStyle = pathStyle == null || pathStyle;
            createBucket = createBucket != null && createBucket;
            staging = staging == null ? Path.of(System.getProperty("java.io.tmpdir"), "msed-s3-staging") : staging;
            maxConnections = maxConnections <= 0 ? 64 : maxConnections;
        }
    }

    /**
     * The collection of stored files that no row names (an upload whose transaction rolled back).
     *
     * @param grace how long a file must have been seen without a row before it is deleted
     * @param cron when the scheduled sweep runs
     */
    public record Sweep(Boolean enabled, Duration grace, String cron) {

        public Sweep {
            enabled = enabled == null || enabled;
            grace = grace == null ? Duration.ofDays(7) : grace;
            cron = cron == null || cron.isBlank() ? "0 30 2 * * *" : cron;
        }
    }
}
