package ru.msed.document;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** The registration card (регистрационная карточка) of a document. */
@Entity
public class Document {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long organizationId;
    @Enumerated(EnumType.STRING)
    private DocumentKind kind;
    @Enumerated(EnumType.STRING)
    private DocumentStatus status;
    private Long journalId;
    private Integer sequenceNumber;
    private String registrationNumber;
    private LocalDate registrationDate;
    private LocalDate receivedDate;
    private String correspondent;
    private String correspondentNumber;
    private LocalDate correspondentDate;
    private String signatory;
    private String addressee;
    private String summary;
    @Enumerated(EnumType.STRING)
    private DeliveryMethod deliveryMethod;
    private Integer sheetCount;
    @Enumerated(EnumType.STRING)
    private AccessLevel accessLevel;
    private String topic;
    private String executionMark;
    private String fileReference;
    private Instant closedAt;
    private String processInstanceId;
    private String addressees;
    private String signatoryUser;
    private String createdBy;
    private Instant createdAt;

    protected Document() {
    }

    Document(Long organizationId, DocumentKind kind, String createdBy, Instant createdAt) {
        this.organizationId = organizationId;
        this.kind = kind;
        this.status = DocumentStatus.DRAFT;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void fillCard(RegistrationCard card) {
        this.receivedDate = card.receivedDate();
        this.correspondent = card.correspondent();
        this.correspondentNumber = card.correspondentNumber();
        this.correspondentDate = card.correspondentDate();
        this.signatory = card.signatory();
        this.addressee = card.addressee();
        this.summary = card.summary();
        this.deliveryMethod = card.deliveryMethod();
        this.sheetCount = card.sheetCount();
        this.accessLevel = card.accessLevel();
        this.topic = card.topic();
    }

    void fillOutgoing(String summary, String addressees, String signatoryUser, String signatory) {
        this.summary = summary;
        this.addressees = addressees;
        this.signatoryUser = signatoryUser;
        this.signatory = signatory;
    }

    void register(JournalNumber number, LocalDate date) {
        this.journalId = number.journalId();
        this.sequenceNumber = number.sequence();
        this.registrationNumber = number.formatted();
        this.registrationDate = date;
        this.status = DocumentStatus.REGISTERED;
    }

    void moveTo(DocumentStatus status) {
        this.status = status;
    }

    void close(String executionMark, String fileReference, Instant at) {
        this.executionMark = executionMark;
        this.fileReference = fileReference;
        this.closedAt = at;
        this.status = DocumentStatus.CLOSED;
    }

    void restrict() {
        this.accessLevel = AccessLevel.DSP;
    }

    void linkProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long getId() {
        return id;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public DocumentKind getKind() {
        return kind;
    }

    public DocumentStatus getStatus() {
        return status;
    }

    public String getRegistrationNumber() {
        return registrationNumber;
    }

    public Integer getSequenceNumber() {
        return sequenceNumber;
    }

    public LocalDate getRegistrationDate() {
        return registrationDate;
    }

    public LocalDate getReceivedDate() {
        return receivedDate;
    }

    public String getCorrespondent() {
        return correspondent;
    }

    public String getCorrespondentNumber() {
        return correspondentNumber;
    }

    public LocalDate getCorrespondentDate() {
        return correspondentDate;
    }

    public String getSignatory() {
        return signatory;
    }

    public String getAddressee() {
        return addressee;
    }

    public String getSummary() {
        return summary;
    }

    public DeliveryMethod getDeliveryMethod() {
        return deliveryMethod;
    }

    public Integer getSheetCount() {
        return sheetCount;
    }

    public AccessLevel getAccessLevel() {
        return accessLevel;
    }

    public String getTopic() {
        return topic;
    }

    public String getExecutionMark() {
        return executionMark;
    }

    public String getFileReference() {
        return fileReference;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getAddressees() {
        return addressees;
    }

    public String getSignatoryUser() {
        return signatoryUser;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
