package ru.msed.appeal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A citizen's appeal: the applicant's personal data (visible to the office and the people working on
 * it only), what it is about, its statutory terms and how it ended. Its card (kind APPEAL, journal
 * «ОГ») has the same id and holds the number and the history.
 */
@Entity
class Appeal {

    @Id
    private Long documentId;
    private Long organizationId;
    @Enumerated(EnumType.STRING)
    private AppealChannel channel;
    private Instant receivedAt;
    private String applicantName;
    private String postalAddress;
    private String email;
    private String phone;
    private String applicantKey;
    private String appealText;
    private Instant consentAt;
    @Enumerated(EnumType.STRING)
    private AppealKind kind;
    @Enumerated(EnumType.STRING)
    private ReceiptForm receiptForm;
    private boolean collective;
    private boolean repeated;
    private String topicCode;
    private String complainedBody;
    private String complainedOfficial;
    private LocalDate registeredOn;
    private LocalDate answerDue;
    private LocalDate originalAnswerDue;
    private LocalDate extendedOn;
    private String extensionReason;
    private String extendedBy;
    private String responsibleExecutor;
    private String forwardedTo;
    private String forwardedToName;
    private LocalDate forwardedOn;
    private Long answerDocumentId;
    private String answerNumber;
    private LocalDate answerDate;
    @Enumerated(EnumType.STRING)
    private AppealResult result;
    private LocalDate closedOn;
    private boolean termViolated;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "appeal_link", joinColumns = @JoinColumn(name = "appeal_id"))
    @Column(name = "earlier_appeal_id")
    private Set<Long> earlierAppeals = new LinkedHashSet<>();

    protected Appeal() {
    }

    Appeal(long documentId, long organizationId, AppealChannel channel, Instant receivedAt) {
        this.documentId = documentId;
        this.organizationId = organizationId;
        this.channel = channel;
        this.receivedAt = receivedAt;
    }

    void applicant(Applicant applicant) {
        this.applicantName = applicant.name();
        this.postalAddress = applicant.postalAddress();
        this.email = applicant.email();
        this.phone = applicant.phone();
        this.applicantKey = applicant.key();
    }

    void text(String text, Instant consentAt) {
        this.appealText = text;
        this.consentAt = consentAt;
    }

    void receivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
    }

    void register(AppealCard card, Set<Long> earlier, LocalDate on) {
        applicant(card.applicant());
        this.kind = card.kind();
        this.receiptForm = card.receiptForm();
        this.collective = card.collective();
        this.repeated = card.repeated() || !earlier.isEmpty();
        this.topicCode = card.topicCode();
        this.complainedBody = card.kind() == AppealKind.COMPLAINT ? card.complainedBody() : null;
        this.complainedOfficial = card.kind() == AppealKind.COMPLAINT ? card.complainedOfficial() : null;
        if (card.text() != null) {
            this.appealText = card.text();
        }
        this.earlierAppeals.clear();
        this.earlierAppeals.addAll(earlier);
        this.registeredOn = on;
    }

    void answerDue(LocalDate due) {
        this.answerDue = due;
    }

    void extend(LocalDate newDue, String reason, String by, LocalDate on) {
        this.originalAnswerDue = answerDue;
        this.answerDue = newDue;
        this.extensionReason = reason;
        this.extendedBy = by;
        this.extendedOn = on;
    }

    void forwarded(String bodyCode, String bodyName, LocalDate on) {
        this.forwardedTo = bodyCode;
        this.forwardedToName = bodyName;
        this.forwardedOn = on;
    }

    void responsibleExecutor(String executor) {
        this.responsibleExecutor = executor;
    }

    void answered(long answerDocumentId, String number, LocalDate date) {
        this.answerDocumentId = answerDocumentId;
        this.answerNumber = number;
        this.answerDate = date;
    }

    void close(AppealResult result, LocalDate on) {
        this.result = result;
        this.closedOn = on;
        if (answerDue != null && on.isAfter(answerDue)) {
            this.termViolated = true;
        }
    }

    void termViolated() {
        this.termViolated = true;
    }

    boolean isExtended() {
        return originalAnswerDue != null;
    }

    /** Without a name, or without any address to answer to (postal or, for electronic appeals, e-mail): art. 11.1. */
    boolean isAnonymous() {
        return isBlank(applicantName) || (isBlank(postalAddress) && isBlank(email));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    Long getDocumentId() {
        return documentId;
    }

    Long getOrganizationId() {
        return organizationId;
    }

    AppealChannel getChannel() {
        return channel;
    }

    Instant getReceivedAt() {
        return receivedAt;
    }

    String getApplicantName() {
        return applicantName;
    }

    String getPostalAddress() {
        return postalAddress;
    }

    String getEmail() {
        return email;
    }

    String getPhone() {
        return phone;
    }

    String getApplicantKey() {
        return applicantKey;
    }

    String getAppealText() {
        return appealText;
    }

    Instant getConsentAt() {
        return consentAt;
    }

    AppealKind getKind() {
        return kind;
    }

    ReceiptForm getReceiptForm() {
        return receiptForm;
    }

    boolean isCollective() {
        return collective;
    }

    boolean isRepeated() {
        return repeated;
    }

    String getTopicCode() {
        return topicCode;
    }

    String getComplainedBody() {
        return complainedBody;
    }

    String getComplainedOfficial() {
        return complainedOfficial;
    }

    LocalDate getRegisteredOn() {
        return registeredOn;
    }

    LocalDate getAnswerDue() {
        return answerDue;
    }

    LocalDate getOriginalAnswerDue() {
        return originalAnswerDue;
    }

    LocalDate getExtendedOn() {
        return extendedOn;
    }

    String getExtensionReason() {
        return extensionReason;
    }

    String getExtendedBy() {
        return extendedBy;
    }

    String getResponsibleExecutor() {
        return responsibleExecutor;
    }

    String getForwardedTo() {
        return forwardedTo;
    }

    String getForwardedToName() {
        return forwardedToName;
    }

    LocalDate getForwardedOn() {
        return forwardedOn;
    }

    Long getAnswerDocumentId() {
        return answerDocumentId;
    }

    String getAnswerNumber() {
        return answerNumber;
    }

    LocalDate getAnswerDate() {
        return answerDate;
    }

    AppealResult getResult() {
        return result;
    }

    LocalDate getClosedOn() {
        return closedOn;
    }

    boolean isTermViolated() {
        return termViolated;
    }

    Set<Long> getEarlierAppeals() {
        return Set.copyOf(earlierAppeals);
    }
}
