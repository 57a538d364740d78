package ru.msed.document;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A scanned page or electronic file of a document: its metadata and the key of its bytes in the
 * content store (the SHA-256 taken on upload, which proves them unchanged). Never changed after it
 * is written: a new upload of the same name is the next {@code version}.
 */
@Entity
public class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long documentId;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private String contentKey;
    private int version;
    private String uploadedBy;
    private Instant uploadedAt;

    protected Attachment() {
    }

    Attachment(Long documentId, String fileName, String contentType, long sizeBytes, String sha256, int version,
            String uploadedBy, Instant uploadedAt) {
        this.documentId = documentId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        // Content-addressed: the key is the hash.
        this.contentKey = sha256;
        this.version = version;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    /** Null only for a file still in the database's old BYTEA column (before {@code --migrate-files}). */
    String getContentKey() {
        return contentKey;
    }

    public int getVersion() {
        return version;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
