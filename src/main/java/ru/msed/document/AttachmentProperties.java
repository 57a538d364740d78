package ru.msed.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** @param maxSize the largest file accepted for a document (a 300-page scan fits the default) */
@ConfigurationProperties("msed.attachments")
public record AttachmentProperties(DataSize maxSize) {

    public AttachmentProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(200) : maxSize;
    }
}
