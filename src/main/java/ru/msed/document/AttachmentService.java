package ru.msed.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.web.NotFoundException;
import ru.msed.web.UserInputException;

/** Files of a document: stored whole with their checksum, verified again on every download. */
@Service
public class AttachmentService {

    private final AttachmentRepository attachments;
    private final DocumentService documents;
    private final DocumentHistory history;
    private final AttachmentProperties properties;
    private final Clock clock;

    AttachmentService(AttachmentRepository attachments, DocumentService documents, DocumentHistory history,
            AttachmentProperties properties, Clock clock) {
        this.attachments = attachments;
        this.documents = documents;
        this.history = history;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public AttachmentInfo add(long documentId, String fileName, String contentType, byte[] content, String actor) {
        documents.document(documentId);
        if (content == null || content.length == 0) {
            throw new UserInputException("Файл пустой.");
        }
        if (content.length > properties.maxSize().toBytes()) {
            throw new UserInputException("Файл больше допустимых " + properties.maxSize().toMegabytes() + " МБ.");
        }
        if (fileName == null || fileName.isBlank()) {
            throw new UserInputException("У файла нет имени.");
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        Attachment saved = attachments.save(new Attachment(documentId, fileName.strip(), type, content, sha256(content),
                actor, Instant.now(clock)));
        history.record(documentId, actor, DocumentAction.ATTACHMENT_ADDED, saved.getFileName());
        return info(saved);
    }

    @Transactional(readOnly = true)
    public List<AttachmentInfo> list(long documentId) {
        documents.document(documentId);
        return attachments.listByDocument(documentId);
    }

    /** The document's current file: the latest uploaded version. */
    @Transactional(readOnly = true)
    public java.util.Optional<StoredFile> latest(long documentId) {
        List<AttachmentInfo> all = attachments.listByDocument(documentId);
        return all.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(download(documentId, all.get(all.size() - 1).id()));
    }

    /** The stored bytes, refused if they no longer match the checksum taken on upload. */
    @Transactional(readOnly = true)
    public StoredFile download(long documentId, long attachmentId) {
        Attachment attachment = attachments.findByIdAndDocumentId(attachmentId, documentId)
                .orElseThrow(() -> new NotFoundException("Файл " + attachmentId + " у документа " + documentId + " не найден."));
        if (!sha256(attachment.getContent()).equals(attachment.getSha256())) {
            throw new IllegalStateException("Checksum mismatch for attachment " + attachmentId);
        }
        return new StoredFile(info(attachment), attachment.getContent());
    }

    private static AttachmentInfo info(Attachment a) {
        return new AttachmentInfo(a.getId(), a.getFileName(), a.getContentType(), a.getSizeBytes(), a.getSha256(),
                a.getUploadedBy(), a.getUploadedAt());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record StoredFile(AttachmentInfo info, byte[] content) {
    }
}
