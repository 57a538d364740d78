package ru.msed.document;

import java.time.Instant;

/** An attachment's metadata, without its content; {@code version} counts uploads of the same file name to the document. */
public record AttachmentInfo(Long id, String fileName, String contentType, long sizeBytes, String sha256,
        String uploadedBy, Instant uploadedAt, int version) {
}
