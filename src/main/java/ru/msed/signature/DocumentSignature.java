package ru.msed.signature;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A signature of one exact file version of a document (simple, or an enhanced one with its CMS bytes). */
@Entity
public class DocumentSignature {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long documentId;
    private Long attachmentId;
    private String fileSha256;
    private String kind;
    private String signer;
    private Instant signedAt;
    @Basic(fetch = FetchType.LAZY)
    private byte[] signature;
    private String certificateSerial;
    private String certificateOwner;
    private String certificateIssuer;
    private Instant validFrom;
    private Instant validTo;

    protected DocumentSignature() {
    }

    DocumentSignature(Long documentId, Long attachmentId, String fileSha256, String kind, String signer, Instant signedAt,
            byte[] signature, SignatureVerdict.CertificateInfo certificate) {
        this.documentId = documentId;
        this.attachmentId = attachmentId;
        this.fileSha256 = fileSha256;
        this.kind = kind;
        this.signer = signer;
        this.signedAt = signedAt;
        this.signature = signature;
        if (certificate != null) {
            this.certificateSerial = certificate.serialNumber();
            this.certificateOwner = certificate.owner();
            this.certificateIssuer = certificate.issuer();
            this.validFrom = certificate.validFrom();
            this.validTo = certificate.validTo();
        }
    }

    public Long getId() {
        return id;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public Long getAttachmentId() {
        return attachmentId;
    }

    public String getFileSha256() {
        return fileSha256;
    }

    public String getKind() {
        return kind;
    }

    public String getSigner() {
        return signer;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    /** The detached CMS of an enhanced signature (null for a simple one); never serialized into the card's JSON. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public byte[] getSignature() {
        return signature;
    }

    public String getCertificateSerial() {
        return certificateSerial;
    }

    public String getCertificateOwner() {
        return certificateOwner;
    }

    public String getCertificateIssuer() {
        return certificateIssuer;
    }

    public Instant getValidFrom() {
        return validFrom;
    }

    public Instant getValidTo() {
        return validTo;
    }
}
