package ru.msed.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Objects in one bucket of an S3-compatible store (MinIO, Ceph RGW, cloud object storage), named
 * {@code prefix + sha256}. An upload is staged in a local temporary file to learn its hash, then
 * sent with its SHA-256 checksum, which the store verifies; a PUT is atomic, so a half object is
 * never visible. Reads are ranged GETs streamed to the caller.
 */
public class S3ContentStore implements ContentStore {

    private static final Logger log = LoggerFactory.getLogger(S3ContentStore.class);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Path staging;
    private final String endpoint;

    public S3ContentStore(S3Client s3, String bucket, String prefix, Path staging, boolean createBucket, String endpoint) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.endpoint = endpoint;
        try {
            this.staging = Files.createDirectories(staging);
        } catch (IOException e) {
            throw new ContentStoreException("Cannot create the staging directory " + staging, e);
        }
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            if (!createBucket) {
                throw new ContentStoreException("The bucket «" + bucket + "» does not exist at " + endpoint
                        + " (create it, or set msed.files.s3.create-bucket=true)");
            }
            s3.createBucket(b -> b.bucket(bucket));
            log.info("Created the bucket {} at {}", bucket, endpoint);
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && createBucket) {
                s3.createBucket(b -> b.bucket(bucket));
                log.info("Created the bucket {} at {}", bucket, endpoint);
            } else {
                throw new ContentStoreException("The bucket «" + bucket + "» at " + endpoint + " is not usable: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public StoredContent put(InputStream content, long maxBytes) {
        StagedFile staged = StagedFile.write(content, staging.resolve(UUID.randomUUID() + ".part"), maxBytes);
        try {
            if (size(staged.key()) == staged.size()) {
                return new StoredContent(staged.key(), staged.size(), false);
            }
            String checksum = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(staged.key()));
            s3.putObject(p -> p.bucket(bucket).key(objectKey(staged.key())).contentLength(staged.size())
                    .checksumSHA256(checksum), RequestBody.fromFile(staged.path()));
            return new StoredContent(staged.key(), staged.size(), true);
        } catch (SdkException e) {
            throw new ContentStoreException("Could not store " + staged.key() + " in " + describe(), e);
        } finally {
            staged.delete();
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) {
        ContentKeys.require(key);
        if (length == 0) {
            // A zero-length range cannot be asked for: there is nothing to read anyway.
            if (size(key) < 0) {
                throw new ContentMissingException(key);
            }
            return InputStream.nullInputStream();
        }
        try {
            ResponseInputStream<GetObjectResponse> object = s3.getObject(g -> g.bucket(bucket).key(objectKey(key))
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
            return new java.io.FilterInputStream(object) {
                private long left = length;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }

                @Override
                public void close() throws IOException {
                    if (left > 0) {
                        // Not read to its end: drop the connection instead of draining the rest of the object.
                        object.abort();
                    }
                    super.close();
                }
            };
        } catch (NoSuchKeyException e) {
            throw new ContentMissingException(key);
        } catch (SdkException e) {
            throw new ContentStoreException("Could not read " + key + " from " + describe(), e);
        }
    }

    @Override
    public long size(String key) {
        ContentKeys.require(key);
        try {
            return s3.headObject(h -> h.bucket(bucket).key(objectKey(key))).contentLength();
        } catch (NoSuchKeyException e) {
            return -1;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return -1;
            }
            throw new ContentStoreException("Could not look up " + key + " in " + describe(), e);
        } catch (SdkException e) {
            throw new ContentStoreException("Could not look up " + key + " in " + describe(), e);
        }
    }

    @Override
    public void delete(String key) {
        ContentKeys.require(key);
        try {
            s3.deleteObject(d -> d.bucket(bucket).key(objectKey(key)));
        } catch (SdkException e) {
            throw new ContentStoreException("Could not delete " + key + " from " + describe(), e);
        }
    }

    @Override
    public Stream<StoredObject> list() {
        // ListObjectsV2 returns keys in ascending (UTF-8 binary) order, page by page.
        return s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents().stream()
                .filter(o -> ContentKeys.isKey(o.key().substring(prefix.length())))
                .map(o -> new StoredObject(o.key().substring(prefix.length()), o.size(), o.lastModified()));
    }

    @Override
    public int removeTemporaryOlderThan(Instant limit) {
        int removed = 0;
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(limit) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not clean the staging directory {}: {}", staging, e.toString());
        }
        return removed;
    }

    @Override
    public String describe() {
        return "S3 bucket " + bucket + (prefix.isEmpty() ? "" : " (prefix " + prefix + ")") + " at " + endpoint;
    }

    private String objectKey(String key) {
        return prefix + key;
    }
}
