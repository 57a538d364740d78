package ru.msed.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.document.AttachmentService;
import ru.msed.document.Document;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentHistory;
import ru.msed.document.DocumentKind;
import ru.msed.document.DocumentService;
import ru.msed.organization.Organization;
import ru.msed.organization.OrganizationService;
import ru.msed.signature.SignatureService;
import ru.msed.signature.SignatureVerdict;
import ru.msed.web.NotFoundException;
import ru.msed.web.UploadedFiles;
import ru.msed.web.UserInputException;

/**
 * Transport containers for outside systems: a registered outgoing document exported as a ZIP
 * (passport.xml, the signed file, its .p7s), such a container imported as an incoming document of an
 * organization — through the same arrival as a delivery inside the system — and notifications
 * exported and imported the same way. An import is checked completely before anything is written
 * (ZIP safety, the passport's encoding and schema, every file named there present, nothing else,
 * hashes, signatures): a refusal names the problem and creates nothing; importing the same container
 * twice creates nothing twice.
 */
@Service
public class Containers {

    public static final String PASSPORT = "passport.xml";
    public static final String NOTIFICATION = "notification.xml";
    /** The recipient of an export: whoever outside the system takes the container. */
    static final String EXTERNAL = "EXTERNAL";

    private final ContainerZip zip;
    private final ContainerXml xml;
    private final ExchangePackages packages;
    private final PackageFiles files;
    private final DocumentService documents;
    private final DocumentHistory history;
    private final OrganizationService organizations;
    private final SignatureService signatures;
    private final AttachmentService attachments;
    private final ArrivalStarter arrivals;
    private final Clock clock;

    Containers(ContainerZip zip, ContainerXml xml, ExchangePackages packages, PackageFiles files, DocumentService documents,
            DocumentHistory history, OrganizationService organizations, SignatureService signatures, AttachmentService attachments,
            ArrivalStarter arrivals, Clock clock) {
        this.zip = zip;
        this.xml = xml;
        this.packages = packages;
        this.files = files;
        this.documents = documents;
        this.history = history;
        this.organizations = organizations;
        this.signatures = signatures;
        this.attachments = attachments;
        this.arrivals = arrivals;
        this.clock = clock;
    }

    /** A container to download. */
    public record Download(String fileName, byte[] content) {
    }

    /** A container's import: its package, the card it arrived as, and whether it had been imported before. */
    public record Imported(long packageId, Long documentId, boolean duplicate) {
    }

    /** The registered outgoing document as a container for an outside system. */
    @Transactional
    public Download exportDocument(long documentId, String actor) {
        Document document = documents.document(documentId);
        if (document.getKind() != DocumentKind.OUTGOING || document.getRegistrationNumber() == null) {
            throw new UserInputException("В транспортный контейнер выгружается только зарегистрированный исходящий документ.");
        }
        Organization sender = organizations.organization(document.getOrganizationId());
        long attachmentId = signatures.signedVersion(documentId)
                .or(() -> attachments.list(documentId).stream().reduce((a, b) -> b).map(a -> a.id()))
                .orElseThrow(() -> new UserInputException("У документа нет файла: выгружать нечего."));
        Optional<Long> created = packages.insert(new ExchangePackages.NewPackage(null, ExchangeService.FIRST_SEQUENCE,
                sender.getCode(), Long.toString(documentId), EXTERNAL, ExchangePackage.Source.EXPORT, sender.getId(),
                sender.getFullName(), documentId, attachmentId, null, null, "Внешняя система (транспортный контейнер)",
                document.getRegistrationNumber(), document.getRegistrationDate(), document.getSummary(), document.getSignatory(),
                null), Instant.now(clock));
        ExchangePackage p = packages.byKey(sender.getCode(), Long.toString(documentId), EXTERNAL, ExchangeService.FIRST_SEQUENCE)
                .orElseThrow();
        if (created.isPresent()) {
            history.record(documentId, actor, DocumentAction.CONTAINER_EXPORTED, "Контейнер " + p.uid());
        }
        PackageFiles.PackageFile file = files.ofDocument(documentId, p.senderAttachmentId(), document.getSignatory());
        String name = containerName(file.fileName());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] cms = file.signatures().stream().map(PackageFiles.Signature::cms).filter(s -> s != null)
                .reduce((a, b) -> b).orElse(null);
        byte[] content = file.bytes();
        List<ContainerXml.PassportFile> named = List.of(new ContainerXml.PassportFile(0, name, sha256(content),
                cms == null ? null : name + ".p7s", null));
        entries.put(PASSPORT, xml.writePassport(new ContainerXml.Passport(p.uid(), p.sequence(), "Письмо", document.getSummary(),
                sender.getCode(), sender.getFullName(), document.getRegistrationNumber(), document.getRegistrationDate(),
                document.getSignatory(), document.getAddressees() == null ? List.of() : List.of(document.getAddressees()), named)));
        entries.put(name, content);
        if (cms != null) {
            entries.put(name + ".p7s", cms);
        }
        return new Download("container-" + document.getRegistrationNumber().replaceAll("[^\\p{L}\\p{N}-]", "_") + ".zip",
                ContainerZip.pack(entries));
    }

    /** Imports a container as an incoming document of the organization: checked completely first, then one arrival. */
    @Transactional
    public Imported importDocument(byte[] container, String organizationCode, String actor) {
        Organization recipient = organizations.findOrganization(organizationCode)
                .orElseThrow(() -> new NotFoundException("Организация «" + organizationCode + "» не найдена."));
        Map<String, byte[]> entries = zip.unpack(container);
        byte[] passportXml = entries.get(PASSPORT);
        if (passportXml == null) {
            throw new UserInputException("В контейнере нет паспорта " + PASSPORT + ".");
        }
        ContainerXml.Passport passport = xml.readPassport(passportXml);
        List<ExchangePackages.StoredFile> stored = checkFiles(passport, entries);
        Optional<Long> created = packages.insert(new ExchangePackages.NewPackage(null, passport.sequence(), passport.senderCode(),
                passport.uid().toString(), recipient.getCode(), ExchangePackage.Source.CONTAINER, null, passport.senderTitle(), null,
                null, null, recipient.getId(), recipient.getFullName(), passport.registrationNumber(), passport.registrationDate(),
                passport.annotation(), passport.signer(), null), Instant.now(clock));
        if (created.isEmpty()) {
            ExchangePackage existing = packages.byKey(passport.senderCode(), passport.uid().toString(), recipient.getCode(),
                    passport.sequence()).orElseThrow();
            return new Imported(existing.id(), existing.recipientDocumentId(), true);
        }
        stored.forEach(file -> packages.addFile(created.get(), file));
        arrivals.start(created.get(), recipient.getCode());
        return new Imported(created.get(), packages.get(created.get()).recipientDocumentId(), false);
    }

    /** Every file the passport names is there, nothing else is, hashes match, signatures verify. */
    private List<ExchangePackages.StoredFile> checkFiles(ContainerXml.Passport passport, Map<String, byte[]> entries) {
        Set<String> named = new HashSet<>();
        named.add(PASSPORT);
        for (ContainerXml.PassportFile file : passport.files()) {
            for (String name : file.signature() == null ? List.of(file.name()) : List.of(file.name(), file.signature())) {
                if (!named.add(name)) {
                    throw new UserInputException("Файл «" + name + "» указан в паспорте дважды.");
                }
                if (!entries.containsKey(name)) {
                    throw new UserInputException("В контейнере нет файла «" + name + "», указанного в паспорте.");
                }
            }
        }
        for (String name : entries.keySet()) {
            if (!named.contains(name)) {
                throw new UserInputException("Файл «" + name + "» не указан в паспорте контейнера: лишние файлы не принимаются.");
            }
        }
        List<ExchangePackages.StoredFile> stored = new ArrayList<>();
        for (ContainerXml.PassportFile file : passport.files()) {
            byte[] content = entries.get(file.name());
            if (!sha256(content).equals(file.sha256())) {
                throw new UserInputException("Контрольная сумма файла «" + file.name() + "» не совпадает с паспортом: файл повреждён или подменён.");
            }
            byte[] signature = file.signature() == null ? null : entries.get(file.signature());
            if (signature != null) {
                SignatureVerdict verdict = signatures.verify(content, signature);
                if (!verdict.valid()) {
                    throw new UserInputException("Подпись «" + file.signature() + "» файла «" + file.name() + "» не прошла проверку: "
                            + verdict.reason());
                }
            }
            stored.add(new ExchangePackages.StoredFile(file.order(), file.name(), UploadedFiles.contentType(null, file.name()),
                    file.sha256(), content, file.signature(), signature));
        }
        return stored;
    }

    /** A notification the organization sent about a package (e.g. one imported from a container), as a container. */
    @Transactional
    public Download exportNotice(long noticeId, long organizationId) {
        ExchangeNotice notice = findNotice(noticeId);
        ExchangePackage p = packages.get(notice.packageId());
        if (p.recipientOrganizationId() == null || p.recipientOrganizationId() != organizationId) {
            throw new NotFoundException("Уведомление " + noticeId + " не найдено.");
        }
        Organization source = organizations.organization(organizationId);
        UUID documentUid = p.source() == ExchangePackage.Source.CONTAINER ? UUID.fromString(p.senderDocument()) : p.uid();
        byte[] content = xml.writeNotice(new ContainerXml.NoticeMessage(notice.uid(), notice.createdAt(), source.getCode(),
                source.getFullName(), notice.kind(), documentUid, notice.registrationNumber(), notice.registrationDate(), notice.text()));
        packages.exported(noticeId);
        return new Download("notification-" + notice.uid() + ".zip", ContainerZip.pack(Map.of(NOTIFICATION, content)));
    }

    /** A notice received: its id, and whether it had been imported before. */
    public record ImportedNotice(long noticeId, boolean duplicate) {
    }

    /** Imports an outside system's notification about a document the organization exported in a container. */
    @Transactional
    public ImportedNotice importNotice(byte[] container, long organizationId) {
        Map<String, byte[]> entries = zip.unpack(container);
        byte[] message = entries.get(NOTIFICATION);
        if (message == null) {
            throw new UserInputException("В контейнере уведомления нет файла " + NOTIFICATION + ".");
        }
        entries.keySet().stream().filter(name -> !name.equals(NOTIFICATION)).findFirst().ifPresent(extra -> {
            throw new UserInputException("Файл «" + extra + "» лишний: контейнер уведомления содержит только " + NOTIFICATION + ".");
        });
        ContainerXml.NoticeMessage notice = xml.readNotice(message);
        ExchangePackage p = packages.byUid(notice.documentUid())
                .filter(found -> found.senderOrganizationId() != null && found.senderOrganizationId() == organizationId)
                .orElseThrow(() -> new UserInputException("Уведомление относится к документу " + notice.documentUid()
                        + ", которого нет среди отправленных вашей организацией."));
        // Once per notification: its uid is the event (the outside system's uid, not ours — it may be any).
        String event = notice.uid().toString();
        Optional<Long> created = packages.insertNotice(p.id(), notice.kind(), event, null, notice.number(), notice.date(),
                notice.comment(), ExchangeNotice.Status.RECEIVED, Instant.now(clock));
        if (created.isEmpty()) {
            return new ImportedNotice(packages.noticeByEvent(p.id(), notice.kind(), event).orElseThrow().id(), true);
        }
        if (p.senderDocumentId() != null) {
            history.record(p.senderDocumentId(), ExchangeService.ACTOR, DocumentAction.EXCHANGE_NOTICE_RECEIVED,
                    notice.sourceName() + ": «" + notice.kind().label() + "»"
                            + (notice.number() == null ? "" : ", № " + notice.number())
                            + (notice.comment() == null ? "" : ", " + notice.comment()));
        }
        return new ImportedNotice(created.get(), false);
    }

    /** Notifications the organization owes outside systems (for documents imported from containers). */
    @Transactional(readOnly = true)
    public List<ExchangeNotice> outbound(long organizationId) {
        return packages.outboundNotices(organizationId);
    }

    private ExchangeNotice findNotice(long id) {
        try {
            return packages.notice(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            throw new NotFoundException("Уведомление " + id + " не найдено.");
        }
    }

    /** A file name as a container may carry it: no path, no characters file systems refuse. */
    private static String containerName(String name) {
        String safe = name.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_");
        return safe.isBlank() || safe.chars().allMatch(c -> c == '.') ? "document.pdf" : safe;
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
