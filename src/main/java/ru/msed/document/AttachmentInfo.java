package ru.msed.document;

import java.time.Instant;

/** An attachment's metadata, without its content. */
public record AttachmentInfo(Long id, String fileName, String contentType, long sizeBytes, String sha256,
        String uploadedBy, Instant uploadedAt) {
}
