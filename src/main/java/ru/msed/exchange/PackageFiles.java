package ru.msed.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import ru.msed.calendar.RussianDates;
import ru.msed.document.AttachmentInfo;
import ru.msed.document.AttachmentService;
import ru.msed.document.AttachmentService.StoredFile;
import ru.msed.signature.DocumentSignature;
import ru.msed.signature.SignatureService;
import ru.msed.signature.SignatureVerdict;

/**
 * The files a package carries: inside the system the sender's signed file version and its detached
 * signatures (read where they are, never copied in between), from a container the files it held.
 * On arrival they are streamed into the recipient's card through the attachment service (the content
 * store keeps one copy of the same bytes), and every enhanced signature is verified again against the
 * recipient's stored copy — the verdict is what the recipient sees.
 */
@Component
class PackageFiles {

    /** One file with its signatures as they travel; {@code content} opens its bytes (the caller closes the stream). */
    record PackageFile(String fileName, String contentType, Supplier<InputStream> content, List<Signature> signatures) {

        /** The whole file in memory: for a container being written only. */
        byte[] bytes() {
            try (InputStream in = content.get()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A detached CMS signature, or a simple one ({@code cms} null) the sender's system attested. */
    record Signature(byte[] cms, String signerLabel, java.time.Instant signedAt) {
    }

    private final AttachmentService attachments;
    private final SignatureService signatures;
    private final ExchangePackages packages;
    private final java.time.ZoneId zone;

    PackageFiles(AttachmentService attachments, SignatureService signatures, ExchangePackages packages, java.time.Clock clock) {
        this.attachments = attachments;
        this.signatures = signatures;
        this.packages = packages;
        this.zone = clock.getZone();
    }

    /** The files of a package, the document first, then the attachments in their order. */
    List<PackageFile> of(ExchangePackage p) {
        List<PackageFile> files = new ArrayList<>();
        if (p.source() == ExchangePackage.Source.CONTAINER) {
            for (ExchangePackages.StoredFile file : packages.files(p.id())) {
                List<Signature> given = file.signature() == null ? List.of() : List.of(new Signature(file.signature(), null, null));
                files.add(new PackageFile(file.fileName(), file.contentType(), () -> new ByteArrayInputStream(file.content()), given));
            }
        } else if (p.senderDocumentId() != null && p.senderAttachmentId() != null) {
            files.add(ofDocument(p.senderDocumentId(), p.senderAttachmentId(), p.signatory()));
        }
        return files;
    }

    /** A document's file version with the signatures given to it. */
    PackageFile ofDocument(long documentId, long attachmentId, String signatory) {
        StoredFile file = attachments.download(documentId, attachmentId);
        List<Signature> given = new ArrayList<>();
        for (DocumentSignature s : signatures.ofFile(documentId, attachmentId)) {
            given.add(new Signature(s.getSignature(), signatory, s.getSignedAt()));
        }
        // Opened when copied: streamed from the store and checked against its SHA-256 on the way.
        return new PackageFile(file.info().fileName(), file.info().contentType(), file::open, given);
    }

    /** Copies the files into the recipient's card and checks their signatures: one line per signature (or its absence). */
    List<String> copyInto(long documentId, List<PackageFile> files, String actor) {
        List<String> checks = new ArrayList<>();
        for (PackageFile file : files) {
            AttachmentInfo copy = attachments.add(documentId, file.fileName(), file.contentType(), file.content().get(), actor);
            if (file.signatures().isEmpty()) {
                checks.add("«" + file.fileName() + "»: подписи нет.");
            }
            for (Signature signature : file.signatures()) {
                if (signature.cms() == null) {
                    signatures.recordReceived(documentId, copy.id(), copy.sha256(), null, null, signature.signedAt(), actor);
                    checks.add("«" + file.fileName() + "»: простая электронная подпись отправителя"
                            + (signature.signerLabel() == null ? "" : " (" + signature.signerLabel() + ")")
                            + (signature.signedAt() == null ? "" : ", " + RussianDates.format(java.util.Date.from(signature.signedAt()), zone))
                            + " — удостоверена системой отправителя, криптографической проверке не подлежит.");
                    continue;
                }
                SignatureVerdict verdict = signatures.verify(attachments.download(documentId, copy.id()), signature.cms());
                signatures.recordReceived(documentId, copy.id(), copy.sha256(), signature.cms(), verdict, null, actor);
                checks.add("«" + file.fileName() + "»: " + describe(verdict));
            }
        }
        return checks;
    }

    static String describe(SignatureVerdict verdict) {
        if (!verdict.valid()) {
            return "подпись НЕДЕЙСТВИТЕЛЬНА — " + verdict.reason();
        }
        StringBuilder text = new StringBuilder(verdict.kind().label()).append(" действительна");
        if (verdict.certificate() != null) {
            text.append("; владелец сертификата ").append(verdict.certificate().owner())
                    .append(", сертификат № ").append(verdict.certificate().serialNumber());
        }
        return text.append('.').toString();
    }
}
