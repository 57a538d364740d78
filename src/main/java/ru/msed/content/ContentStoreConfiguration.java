package ru.msed.content;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Chooses the content store from {@code msed.files.store}. */
@Configuration(proxyBeanMethods = false)
class ContentStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ContentStoreConfiguration.class);

    @Bean
    ContentStore contentStore(ContentProperties properties) {
        ContentStore store = switch (properties.store()) {
            case "filesystem" -> new FileSystemContentStore(properties.directory());
            case "s3" -> s3Store(properties.s3());
            default -> throw new IllegalStateException("msed.files.store must be filesystem or s3, not " + properties.store());
        };
        log.info("Files are kept in the {}", store.describe());
        return store;
    }

    static S3ContentStore s3Store(ContentProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                // Checksums only where the API demands them: older S3-compatible stores refuse the SDK's
                // default trailing checksums; each upload carries its SHA-256 explicitly instead.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(s3.maxConnections()));
        if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        builder.credentialsProvider(s3.accessKey() != null && !s3.accessKey().isBlank()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()))
                : DefaultCredentialsProvider.builder().build());
        return new S3ContentStore(builder.build(), s3.bucket(), s3.prefix(), s3.staging(), s3.createBucket(),
                s3.endpoint() == null || s3.endpoint().isBlank() ? "AWS " + s3.region() : s3.endpoint());
    }
}
