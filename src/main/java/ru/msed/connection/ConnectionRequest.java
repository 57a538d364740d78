package ru.msed.connection;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;

/** A request to connect an organization and its users, or to change them. */
@Entity
public class ConnectionRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String applicant;
    @Enumerated(EnumType.STRING)
    private ConnectionRequestStatus status;
    private String organizationCode;
    private String workbookName;
    @Basic(fetch = FetchType.LAZY)
    private byte[] workbook;
    private String workbookSha256;
    private String letterName;
    private String letterType;
    @Basic(fetch = FetchType.LAZY)
    private byte[] letter;
    @Basic(fetch = FetchType.LAZY)
    private byte[] letterSignature;
    private String problems;
    private String decisionReason;
    private String decidedBy;
    private Instant decidedAt;
    private Instant submittedAt;
    private Instant returnedAt;
    private Instant correctedAt;
    private long pausedSeconds;
    private Instant provisionedAt;
    private String credentialsTokenSha256;
    @Basic(fetch = FetchType.LAZY)
    private byte[] credentials;
    private Instant credentialsExpiresAt;
    private Instant credentialsDownloadedAt;

    protected ConnectionRequest() {
    }

    ConnectionRequest(String applicant, String workbookName, byte[] workbook, String workbookSha256, String letterName,
            String letterType, byte[] letter, byte[] letterSignature, Instant submittedAt) {
        this.applicant = applicant;
        this.workbookName = workbookName;
        this.workbook = workbook;
        this.workbookSha256 = workbookSha256;
        this.letterName = letterName;
        this.letterType = letterType;
        this.letter = letter;
        this.letterSignature = letterSignature;
        this.submittedAt = submittedAt;
        this.status = ConnectionRequestStatus.SUBMITTED;
    }

    void checked(String organizationCode, String problems) {
        this.organizationCode = organizationCode;
        this.problems = problems;
        this.status = problems == null ? ConnectionRequestStatus.UNDER_REVIEW : status;
    }

    /** With the applicant: the review clock is paused until the corrected workbook comes back. */
    void returned(Instant at) {
        this.status = ConnectionRequestStatus.RETURNED;
        this.returnedAt = at;
    }

    void corrected(String name, byte[] workbook, String sha256, Instant at) {
        this.workbookName = name;
        this.workbook = workbook;
        this.workbookSha256 = sha256;
        this.correctedAt = at;
        if (returnedAt != null) {
            this.pausedSeconds += Duration.between(returnedAt, at).toSeconds();
        }
        this.status = ConnectionRequestStatus.SUBMITTED;
    }

    void decided(boolean approved, String reason, String by, Instant at) {
        this.decisionReason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
        if (!approved) {
            this.status = ConnectionRequestStatus.REJECTED;
        }
    }

    void provisioned(String organizationCode, String tokenSha256, byte[] encryptedCredentials, Instant at, Instant expires) {
        this.organizationCode = organizationCode;
        this.credentialsTokenSha256 = tokenSha256;
        this.credentials = encryptedCredentials;
        this.provisionedAt = at;
        this.credentialsExpiresAt = expires;
        this.status = ConnectionRequestStatus.PROVISIONED;
    }

    void credentialsDownloaded(Instant at) {
        this.credentials = null;
        this.credentialsDownloadedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getApplicant() {
        return applicant;
    }

    public ConnectionRequestStatus getStatus() {
        return status;
    }

    public String getOrganizationCode() {
        return organizationCode;
    }

    public String getWorkbookName() {
        return workbookName;
    }

    byte[] getWorkbook() {
        return workbook;
    }

    public String getWorkbookSha256() {
        return workbookSha256;
    }

    public String getLetterName() {
        return letterName;
    }

    public String getLetterType() {
        return letterType;
    }

    byte[] getLetter() {
        return letter;
    }

    public String getProblems() {
        return problems;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }

    public Instant getCorrectedAt() {
        return correctedAt;
    }

    public long getPausedSeconds() {
        return pausedSeconds;
    }

    byte[] getCredentials() {
        return credentials;
    }

    Instant getCredentialsExpiresAt() {
        return credentialsExpiresAt;
    }

    Instant getCredentialsDownloadedAt() {
        return credentialsDownloadedAt;
    }
}
