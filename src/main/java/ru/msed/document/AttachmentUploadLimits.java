package ru.msed.document;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Multipart limits follow {@code msed.attachments.max-size}: a little above it, so a file just over
 * the limit reaches the service and gets its precise Russian message (a far larger request is cut
 * off by the container with 413). Parts above {@code spring.servlet.multipart.file-size-threshold}
 * (0 by default) are spooled to a temporary file by the container, never held in memory; the
 * service then streams them into the content store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MultipartProperties.class)
class AttachmentUploadLimits {

    private static final DataSize MARGIN = DataSize.ofMegabytes(1);

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, AttachmentProperties attachments) {
        long file = Math.max(multipart.getMaxFileSize().toBytes(), attachments.maxSize().toBytes() + MARGIN.toBytes());
        long request = Math.max(multipart.getMaxRequestSize().toBytes(), file + MARGIN.toBytes());
        return new MultipartConfigElement(multipart.getLocation() == null ? "" : multipart.getLocation(), file, request,
                (int) multipart.getFileSizeThreshold().toBytes());
    }
}
