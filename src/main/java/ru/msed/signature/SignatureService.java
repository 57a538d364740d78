package ru.msed.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.document.AttachmentService;
import ru.msed.document.AttachmentService.StoredFile;
import ru.msed.document.Document;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentHistory;
import ru.msed.document.DocumentService;
import ru.msed.document.DocumentStatus;
import ru.msed.security.PasswordChecks;
import ru.msed.web.UserInputException;

/**
 * Signing a document's current file — simply (re-entering the password; time and the file's hash
 * recorded) or with an enhanced detached signature that is verified first — and checking signatures.
 * A signature always names the exact file version; a newer upload is not covered by it.
 */
@Service
public class SignatureService {

    public static final String SIMPLE = "SIMPLE";

    private final DocumentSignatureRepository signatures;
    private final AttachmentService attachments;
    private final DocumentService documents;
    private final DocumentHistory history;
    private final TrustStores trust;
    private final Clock clock;
    private final PasswordChecks passwordChecks;

    SignatureService(DocumentSignatureRepository signatures, AttachmentService attachments, DocumentService documents,
            DocumentHistory history, TrustStores trust, Clock clock, PasswordChecks passwordChecks) {
        this.passwordChecks = passwordChecks;
        this.signatures = signatures;
        this.attachments = attachments;
        this.documents = documents;
        this.history = history;
        this.trust = trust;
        this.clock = clock;
    }

    /** Checks a file against its detached signature; changes nothing. */
    public SignatureVerdict verify(byte[] file, byte[] signature) {
        if (file == null || file.length == 0 || signature == null || signature.length == 0) {
            throw new UserInputException("Приложите файл и файл его подписи.");
        }
        return trust.verifier().verify(file, signature);
    }

    /**
     * Checks a stored file against a detached signature; changes nothing. The file streams from the
     * content store through the digest (verified against its SHA-256 on the way), never whole in memory.
     */
    public SignatureVerdict verify(StoredFile file, byte[] detachedSignature) {
        if (detachedSignature == null || detachedSignature.length == 0) {
            throw new UserInputException("Приложите файл и файл его подписи.");
        }
        return trust.verifier().verify(new org.bouncycastle.cms.CMSProcessable() {
            @Override
            public void write(java.io.OutputStream out) throws java.io.IOException {
                try (java.io.InputStream in = file.open()) {
                    in.transferTo(out);
                }
            }

            @Override
            public Object getContent() {
                return file.info();
            }
        }, detachedSignature);
    }

    @Transactional
    public DocumentSignature signSimple(long documentId, String signer, String password) {
        Document document = signable(documentId, signer);
        if (!passwordChecks.matches(signer, password, "простая электронная подпись")) {
            throw new UserInputException("Пароль неверен: простая электронная подпись не поставлена.");
        }
        StoredFile file = currentFile(documentId);
        DocumentSignature signature = signatures.save(new DocumentSignature(document.getId(), file.info().id(),
                file.info().sha256(), SIMPLE, signer, Instant.now(clock), null, null));
        history.record(documentId, signer, DocumentAction.SIGNED, "Простая электронная подпись; файл «"
                + file.info().fileName() + "», SHA-256 " + file.info().sha256());
        return signature;
    }

    @Transactional
    public DocumentSignature signEnhanced(long documentId, String signer, byte[] detachedSignature) {
        Document document = signable(documentId, signer);
        StoredFile file = currentFile(documentId);
        if (detachedSignature == null || detachedSignature.length == 0) {
            throw new UserInputException("Приложите файл и файл его подписи.");
        }
        SignatureVerdict verdict = verify(file, detachedSignature);
        if (!verdict.valid()) {
            throw new UserInputException("Подпись не принята: " + verdict.reason());
        }
        DocumentSignature signature = signatures.save(new DocumentSignature(document.getId(), file.info().id(),
                file.info().sha256(), verdict.kind().name(), signer, verdict.signingTime(), detachedSignature,
                verdict.certificate()));
        history.record(documentId, signer, DocumentAction.SIGNED, verdict.kind().label() + "; сертификат "
                + verdict.certificate().serialNumber() + ", владелец " + verdict.certificate().owner() + "; файл «"
                + file.info().fileName() + "», SHA-256 " + file.info().sha256());
        return signature;
    }

    /** The signature of the document's current file by its signatory, if there is one. */
    @Transactional(readOnly = true)
    public Optional<DocumentSignature> currentSignature(long documentId) {
        Document document = documents.document(documentId);
        Optional<StoredFile> file = attachments.latest(documentId);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return signatures.findByDocumentIdOrderById(documentId).stream()
                .filter(s -> s.getAttachmentId().equals(file.get().info().id())
                        && s.getFileSha256().equals(file.get().info().sha256())
                        && s.getSigner().equals(document.getSignatoryUser()))
                .reduce((first, second) -> second);
    }

    /** The file version the signatory signed last (an upload after signing is not it). */
    @Transactional(readOnly = true)
    public Optional<Long> signedVersion(long documentId) {
        Document document = documents.document(documentId);
        return signatures.findByDocumentIdOrderById(documentId).stream()
                .filter(s -> s.getSigner().equals(document.getSignatoryUser()))
                .reduce((first, second) -> second).map(DocumentSignature::getAttachmentId);
    }

    /** The signatures of one file version, in the order they were given. */
    @Transactional(readOnly = true)
    public List<DocumentSignature> ofFile(long documentId, long attachmentId) {
        return signatures.findByDocumentIdOrderById(documentId).stream()
                .filter(s -> s.getAttachmentId().equals(attachmentId)).toList();
    }

    /**
     * A signature that came with a file from another organization or an outside system, checked again
     * on arrival: an enhanced one is kept with its verdict (invalid ones too, so the registrar sees
     * why); a simple one ({@code cms} null) as the sender's system attested it.
     */
    @Transactional
    public DocumentSignature recordReceived(long documentId, long attachmentId, String fileSha256, byte[] cms,
            SignatureVerdict verdict, Instant simpleSignedAt, String actor) {
        DocumentSignature signature = cms == null
                ? new DocumentSignature(documentId, attachmentId, fileSha256, SIMPLE, actor, simpleSignedAt, null, null)
                : new DocumentSignature(documentId, attachmentId, fileSha256, verdict.kind().name(), actor,
                        verdict.signingTime(), cms, verdict.certificate());
        return signatures.save(signature);
    }

    @Transactional(readOnly = true)
    public List<DocumentSignature> of(long documentId) {
        return signatures.findByDocumentIdOrderById(documentId);
    }

    private Document signable(long documentId, String signer) {
        Document document = documents.document(documentId);
        if (!signer.equals(document.getSignatoryUser())) {
            throw new UserInputException("Подписывает только указанный подписант документа.");
        }
        if (document.getStatus() != DocumentStatus.ON_SIGNATURE) {
            throw new UserInputException("Документ не находится на подписании.");
        }
        return document;
    }

    private StoredFile currentFile(long documentId) {
        return attachments.latest(documentId)
                .orElseThrow(() -> new UserInputException("У документа нет файла: подписывать нечего."));
    }
}
