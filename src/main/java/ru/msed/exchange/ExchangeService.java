package ru.msed.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.calendar.RussianDates;
import ru.msed.document.Document;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentHistory;
import ru.msed.document.DocumentKind;
import ru.msed.document.DocumentLinks;
import ru.msed.document.DocumentService;
import ru.msed.organization.Organization;
import ru.msed.organization.OrganizationService;
import ru.msed.signature.SignatureService;
import ru.msed.web.UserInputException;

/**
 * Exchange between the organizations of the system: the directory an outgoing document is addressed
 * from, one package per recipient (exactly once: a unique key, never a look-up first), its arrival as
 * a prefilled incoming card with the files and signatures checked again, the notifications the
 * recipient sends back, and the timeline the sender reads. No engine here: the regulations start the
 * recipient's process ({@link ArrivalStarter}) and take notifications into the sender's ({@link AnswerReceiver}).
 */
@Service
public class ExchangeService {

    /** Who acts for the exchange in cards' histories and files. */
    public static final String ACTOR = "msed-exchange";
    /** A document is sent to a recipient once; a later dispatch of the same card would be the next sequence. */
    static final int FIRST_SEQUENCE = 1;
    private static final Logger log = LoggerFactory.getLogger(ExchangeService.class);

    private final ExchangePackages packages;
    private final PackageFiles files;
    private final DocumentService documents;
    private final DocumentHistory history;
    private final DocumentLinks links;
    private final OrganizationService organizations;
    private final SignatureService signatures;
    private final ArrivalStarter arrivals;
    private final Clock clock;

    ExchangeService(ExchangePackages packages, PackageFiles files, DocumentService documents, DocumentHistory history,
            DocumentLinks links, OrganizationService organizations, SignatureService signatures, ArrivalStarter arrivals,
            Clock clock) {
        this.packages = packages;
        this.files = files;
        this.documents = documents;
        this.history = history;
        this.links = links;
        this.organizations = organizations;
        this.signatures = signatures;
        this.arrivals = arrivals;
        this.clock = clock;
    }

    /** The organizations an organization may address: every connected one but itself. */
    @Transactional(readOnly = true)
    public List<Organization> directory(long ownOrganizationId) {
        return organizations.directory().stream().filter(o -> o.getId() != ownOrganizationId).toList();
    }

    /** Checks the chosen recipients (codes from the directory): each exists and is not the sender itself. */
    @Transactional(readOnly = true)
    public List<Organization> recipients(long senderOrganizationId, List<String> codes) {
        Set<String> wanted = new LinkedHashSet<>(codes);
        Map<String, Organization> found = organizations.findOrganizations(wanted).stream()
                .collect(Collectors.toMap(Organization::getCode, o -> o));
        List<String> problems = new ArrayList<>();
        List<Organization> recipients = new ArrayList<>();
        for (String code : wanted) {
            Organization organization = found.get(code);
            if (organization == null) {
                problems.add("Организация «" + code + "» не подключена к МСЭД: выберите адресата из справочника.");
            } else if (organization.getId() == senderOrganizationId) {
                problems.add("Своя организация не может быть адресатом по МСЭД.");
            } else {
                recipients.add(organization);
            }
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
        return recipients;
    }

    /** A package on its way: its id, and whether this call created it (false: it had been delivered before). */
    public record Delivery(long packageId, boolean created) {
    }

    /**
     * Sends the registered document to one recipient organization, in the caller's transaction (one per
     * recipient): the package is recorded under its unique key and the recipient's incoming regulation
     * started with it. A second call for the same document and recipient — a retried or replayed
     * delivery — finds the key taken and starts nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Delivery send(long documentId, String recipientCode, String senderProcessInstanceId) {
        Document document = documents.document(documentId);
        Organization sender = organizations.organization(document.getOrganizationId());
        Organization recipient = organizations.findOrganization(recipientCode).orElseThrow(() -> new IllegalStateException(
                "Организация-адресат «" + recipientCode + "» не найдена."));
        if (document.getRegistrationNumber() == null) {
            throw new IllegalStateException("Документ " + documentId + " не зарегистрирован: отправлять нечего.");
        }
        Long attachmentId = signatures.signedVersion(documentId)
                .orElseThrow(() -> new IllegalStateException("У документа " + documentId + " нет подписанного файла."));
        Optional<Long> created = packages.insert(new ExchangePackages.NewPackage(null, FIRST_SEQUENCE, sender.getCode(),
                Long.toString(documentId), recipient.getCode(), ExchangePackage.Source.ORGANIZATION, sender.getId(),
                sender.getFullName(), documentId, attachmentId, senderProcessInstanceId, recipient.getId(),
                recipient.getFullName(), document.getRegistrationNumber(), document.getRegistrationDate(), document.getSummary(),
                document.getSignatory(), replyToPackage(documentId, recipient.getId())), Instant.now(clock));
        if (created.isEmpty()) {
            long existing = packages.byKey(sender.getCode(), Long.toString(documentId), recipient.getCode(), FIRST_SEQUENCE)
                    .orElseThrow().id();
            log.info("Document {} was delivered to {} before (package {}): nothing sent again", documentId, recipientCode, existing);
            return new Delivery(existing, false);
        }
        history.record(documentId, ACTOR, DocumentAction.EXCHANGE_SENT, recipient.getShortName() + " (" + recipient.getCode() + ")");
        arrivals.start(created.get(), recipient.getCode());
        return new Delivery(created.get(), true);
    }

    /** The package this answer goes back in: the one its question arrived in, if it came from this recipient. */
    private Long replyToPackage(long documentId, long recipientOrganizationId) {
        return links.question(documentId).flatMap(packages::arrivedAs)
                .filter(question -> Long.valueOf(recipientOrganizationId).equals(question.senderOrganizationId()))
                .map(ExchangePackage::id).orElse(null);
    }

    /**
     * What the recipient's registrar finds prefilled: the sender's requisites, and the result of checking
     * every signature on arrival. {@code label} names the card until it has a number of its own.
     */
    public record Arrival(String correspondent, String correspondentNumber, LocalDate correspondentDate, String signatory,
            String summary, String signatureCheck, String label) {
    }

    /**
     * The package arrives as the recipient's card {@code documentId} (just created by the recipient's
     * regulation): tied to it once, its files and signatures copied and checked, an answer linked to
     * the question it answers.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Arrival receive(long packageId, long documentId) {
        ExchangePackage p = packages.get(packageId);
        Document card = documents.document(documentId);
        if (p.recipientOrganizationId() == null || !p.recipientOrganizationId().equals(card.getOrganizationId())
                || card.getKind() != DocumentKind.INCOMING) {
            throw new IllegalStateException("Package " + packageId + " is not for card " + documentId);
        }
        if (!packages.arrive(packageId, documentId, Instant.now(clock))) {
            throw new IllegalStateException("Package " + packageId + " has arrived as another card");
        }
        List<String> checks = files.copyInto(documentId, files.of(p), ACTOR);
        if (p.replyToPackageId() != null) {
            Long question = packages.get(p.replyToPackageId()).senderDocumentId();
            if (question != null) {
                links.replyTo(documentId, question);
            }
        }
        String number = p.registrationNumber() == null ? "" : "исх. № " + p.registrationNumber()
                + (p.registrationDate() == null ? "" : " от " + RussianDates.format(p.registrationDate()));
        history.record(documentId, ACTOR, DocumentAction.ARRIVED, p.senderName() + (number.isEmpty() ? "" : ", " + number));
        return new Arrival(p.senderName(), p.registrationNumber(), p.registrationDate(), p.signatory(), p.summary(),
                checks.stream().map(line -> "- " + line).collect(Collectors.joining("\n")), "МСЭД: " + (p.registrationNumber() == null ? "№ " + p.id() : p.registrationNumber()));
    }

    /** A notification queued: whether it is new, and (for «доклад направлен») the answers it cites. */
    public record Notified(boolean created, String answers) {
    }

    /**
     * Queues a notification about the card {@code documentId} for the sender of the package it arrived
     * in, in the step's transaction. Once per kind and event ({@code eventKey}: "1", a resolution, an
     * extension request): a replayed step queues nothing twice. «Зарегистрирован» carries the card's number
     * and date; «доклад направлен» cites the answers sent in reply (their numbers and dates).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Notified notify(long documentId, NoticeKind kind, String eventKey, String text) {
        ExchangePackage p = packages.arrivedAs(documentId).orElseThrow(() -> new IllegalStateException(
                "Card " + documentId + " did not arrive through the exchange"));
        Document card = documents.document(documentId);
        String answers = null;
        String details = text == null || text.isBlank() ? null : text.strip();
        if (kind == NoticeKind.REPORT_SENT) {
            answers = links.answers(documentId).stream().filter(a -> a.getRegistrationNumber() != null)
                    .map(a -> "исх. № " + a.getRegistrationNumber() + " от " + RussianDates.format(a.getRegistrationDate()))
                    .collect(Collectors.joining(", "));
            if (!answers.isEmpty()) {
                details = (details == null ? "" : details + "; ") + "ответ: " + answers;
            } else {
                answers = null;
            }
        }
        boolean registered = kind == NoticeKind.REGISTERED;
        ExchangeNotice.Status status = p.source() == ExchangePackage.Source.CONTAINER
                ? ExchangeNotice.Status.OUTBOUND : ExchangeNotice.Status.QUEUED;
        String said = limit(details);
        Optional<Long> created = packages.insertNotice(p.id(), kind, eventKey == null || eventKey.isBlank() ? "1" : eventKey,
                null, registered ? card.getRegistrationNumber() : null, registered ? card.getRegistrationDate() : null,
                said, status, Instant.now(clock));
        if (created.isPresent()) {
            history.record(documentId, ACTOR, DocumentAction.EXCHANGE_NOTICE_SENT,
                    p.senderName() + ": «" + kind.label() + "»" + (said == null ? "" : ", " + said));
        }
        return new Notified(created.isPresent(), answers);
    }

    private static String limit(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }

    /** Whether the card arrived through the exchange (and from whom), for the regulations' gateways and forms. */
    @Transactional(readOnly = true)
    public Optional<ExchangePackage> arrivedAs(long documentId) {
        return packages.arrivedAs(documentId);
    }
}
