package ru.msed.content;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * A real S3 server (S3Proxy, objects as files under {@code target/}) on the loopback address, with
 * AWS signature checks on: the SDK talks HTTP to it exactly as to MinIO.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "msed-test";
    public static final String SECRET_KEY = "msed-test-secret";

    private final S3Proxy proxy;
    private final Path directory;

    public S3ProxyServer() throws Exception {
        this.directory = Files.createDirectories(Path.of("target/s3proxy", UUID.randomUUID().toString()));
        this.proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(directory.toAbsolutePath().toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public ContentProperties.S3 properties(String bucket) {
        return new ContentProperties.S3(endpoint(), "us-east-1", bucket, "files/", ACCESS_KEY, SECRET_KEY, true, true,
                directory.resolveSibling(directory.getFileName() + "-staging"), 0);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
