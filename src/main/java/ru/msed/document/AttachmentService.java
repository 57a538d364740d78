package ru.msed.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.msed.content.BoundedInputStream;
import ru.msed.content.ContentKeys;
import ru.msed.content.ContentLocks;
import ru.msed.content.ContentMismatchException;
import ru.msed.content.ContentMissingException;
import ru.msed.content.ContentProblems;
import ru.msed.content.ContentStore;
import ru.msed.content.ContentTooLargeException;
import ru.msed.content.VerifyingInputStream;
import ru.msed.web.NotFoundException;
import ru.msed.web.UserInputException;

/**
 * Files of a document. The bytes stream into the content store (never whole in memory) before the
 * row is written; the row (metadata, key, version) commits in a short transaction of its own. A
 * whole read is verified against the SHA-256 taken on upload; a damaged or missing file is refused,
 * logged and listed for support, never served as something else.
 */
@Service
public class AttachmentService {

    private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);

    private final AttachmentRepository attachments;
    private final DocumentService documents;
    private final DocumentHistory history;
    private final AttachmentProperties properties;
    private final Clock clock;
    private final ContentStore store;
    private final ContentLocks locks;
    private final ContentProblems problems;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    AttachmentService(AttachmentRepository attachments, DocumentService documents, DocumentHistory history,
            AttachmentProperties properties, Clock clock, ContentStore store, ContentLocks locks, ContentProblems problems,
            TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.attachments = attachments;
        this.documents = documents;
        this.history = history;
        this.properties = properties;
        this.clock = clock;
        this.store = store;
        this.locks = locks;
        this.problems = problems;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public AttachmentInfo add(long documentId, String fileName, String contentType, byte[] content, String actor) {
        return add(documentId, fileName, contentType, new ByteArrayInputStream(content == null ? new byte[0] : content), actor);
    }

    /**
     * Streams {@code content} into the store (hashed on the way), then records the next version of
     * {@code fileName}. If the row does not commit, the stored file is an orphan for the sweep.
     */
    public AttachmentInfo add(long documentId, String fileName, String contentType, InputStream content, String actor) {
        documents.document(documentId);
        if (fileName == null || fileName.isBlank()) {
            throw new UserInputException("У файла нет имени.");
        }
        String name = fileName.strip();
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        ContentStore.StoredContent stored;
        try (PushbackInputStream in = new PushbackInputStream(content)) {
            int first = in.read();
            if (first < 0) {
                throw new UserInputException("Файл пустой.");
            }
            in.unread(first);
            stored = store.put(in, properties.maxSize().toBytes());
        } catch (ContentTooLargeException e) {
            throw new UserInputException("Файл больше допустимых " + properties.maxSize().toMegabytes() + " МБ.");
        } catch (IOException e) {
            // The upload broke off (the client went away): nothing was stored under a key.
            throw new UncheckedIOException("Upload interrupted", e);
        }
        return transactions.execute(status -> {
            attachments.lockDocument(documentId);
            locks.shared(stored.key());
            if (store.size(stored.key()) != stored.size()) {
                // The sweep took an old orphan of the same bytes just now; rare, and a retry stores it again.
                throw new FileStoreUnavailableException("Файл не сохранился в хранилище: загрузите его ещё раз.");
            }
            int version = attachments.nextVersion(documentId, name);
            Attachment saved = attachments.save(new Attachment(documentId, name, type, stored.size(), stored.key(), version,
                    actor, Instant.now(clock)));
            history.record(documentId, actor, DocumentAction.ATTACHMENT_ADDED,
                    version == 1 ? saved.getFileName() : saved.getFileName() + " (версия " + version + ")");
            return info(saved);
        });
    }

    @Transactional(readOnly = true)
    public List<AttachmentInfo> list(long documentId) {
        documents.document(documentId);
        return attachments.listByDocument(documentId);
    }

    /** The document's current file: the latest upload. Its bytes are read only if asked for. */
    @Transactional(readOnly = true)
    public Optional<StoredFile> latest(long documentId) {
        return attachments.findFirstByDocumentIdOrderByIdDesc(documentId).map(this::stored);
    }

    /** One file (any version) of the document; its bytes are read only when opened. */
    @Transactional(readOnly = true)
    public StoredFile download(long documentId, long attachmentId) {
        return stored(attachments.findByIdAndDocumentId(attachmentId, documentId)
                .orElseThrow(() -> new NotFoundException("Файл " + attachmentId + " у документа " + documentId + " не найден.")));
    }

    private StoredFile stored(Attachment attachment) {
        return new StoredFile(info(attachment), attachment.getContentKey(), this);
    }

    /** The whole file, checked against its SHA-256 as it is read. */
    InputStream open(StoredFile file) {
        AttachmentInfo info = file.info();
        String key = file.key() != null ? file.key() : info.sha256();
        refuseKnownProblem(file, key);
        InputStream raw = file.key() == null ? legacyContent(info) : openStored(file, 0, info.sizeBytes());
        return new VerifyingInputStream(raw, info.sha256(), info.sizeBytes(), (expected, actual, bytes) -> {
            problems.record(key, ContentProblems.Kind.CORRUPT, describe(info) + ": SHA-256 " + actual + " вместо " + expected);
            return new ContentMismatchException("Checksum mismatch for attachment " + info.id() + " after " + bytes + " bytes");
        });
    }

    /**
     * A part of the file for a Range request. It cannot be checked alone: it is served unless the
     * file is known to be damaged; every whole read checks it, and a mismatch then refuses it for all.
     */
    InputStream open(StoredFile file, long offset, long length) {
        if (file.key() == null) {
            // Still in the database's BYTEA column (at most 20 MB): read whole, the range cut out of it.
            InputStream whole = open(file);
            try {
                whole.skipNBytes(offset);
            } catch (IOException e) {
                throw new AttachmentUnavailableException(file.info(), ContentProblems.Kind.CORRUPT);
            }
            return new BoundedInputStream(whole, length);
        }
        refuseKnownProblem(file, file.key());
        return openStored(file, offset, length);
    }

    private InputStream openStored(StoredFile file, long offset, long length) {
        try {
            return store.open(file.key(), offset, length);
        } catch (ContentMissingException e) {
            problems.record(file.key(), ContentProblems.Kind.MISSING, describe(file.info()));
            throw new AttachmentUnavailableException(file.info(), ContentProblems.Kind.MISSING);
        }
    }

    private void refuseKnownProblem(StoredFile file, String key) {
        problems.open(key).ifPresent(kind -> {
            log.warn("Refused attachment {}: its stored file is {}", file.info().id(), kind);
            throw new AttachmentUnavailableException(file.info(), kind);
        });
    }

    /** A file not yet moved out of the database (before {@code --migrate-files}): at most the old 20 MB. */
    private InputStream legacyContent(AttachmentInfo info) {
        byte[] content = jdbc.queryForObject("SELECT content FROM attachment WHERE id = ?", byte[].class, info.id());
        return new ByteArrayInputStream(content == null ? new byte[0] : content);
    }

    static String describe(AttachmentInfo info) {
        return "файл «" + info.fileName() + "», версия " + info.version() + " (вложение " + info.id() + ")";
    }

    private static AttachmentInfo info(Attachment a) {
        return new AttachmentInfo(a.getId(), a.getFileName(), a.getContentType(), a.getSizeBytes(), a.getSha256(),
                a.getUploadedBy(), a.getUploadedAt(), a.getVersion());
    }

    static String sha256(byte[] content) {
        var digest = ContentKeys.sha256();
        digest.update(content);
        return ContentKeys.hex(digest);
    }

    /** One file version: its metadata now, its bytes when opened (streamed and verified). */
    public static final class StoredFile {

        private final AttachmentInfo info;
        private final String key;
        private final AttachmentService service;

        StoredFile(AttachmentInfo info, String key, AttachmentService service) {
            this.info = info;
            this.key = key;
            this.service = service;
        }

        public AttachmentInfo info() {
            return info;
        }

        String key() {
            return key;
        }

        /** The whole file as a stream, verified as it is read; the caller closes it. */
        public InputStream open() {
            return service.open(this);
        }

        /** The whole file in memory (verified) — for small files only: signatures and printable copies. */
        public byte[] content() {
            try (InputStream in = open()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new AttachmentUnavailableException(info, ContentProblems.Kind.CORRUPT);
            }
        }
    }
}
