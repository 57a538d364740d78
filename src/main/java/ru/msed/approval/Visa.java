package ru.msed.approval;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** An approver's visa on a draft, tied to the file version they saw; kept across rounds. */
@Entity
public class Visa {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long documentId;
    private int round;
    private String approver;
    private String decision;
    private String comment;
    private Long attachmentId;
    private String fileSha256;
    private Instant decidedAt;

    protected Visa() {
    }

    Visa(Long documentId, int round, String approver, String decision, String comment, Long attachmentId, String fileSha256,
            Instant decidedAt) {
        this.documentId = documentId;
        this.round = round;
        this.approver = approver;
        this.decision = decision;
        this.comment = comment;
        this.attachmentId = attachmentId;
        this.fileSha256 = fileSha256;
        this.decidedAt = decidedAt;
    }

    public Long getId() {
        return id;
    }

    public int getRound() {
        return round;
    }

    public String getApprover() {
        return approver;
    }

    public String getDecision() {
        return decision;
    }

    public String getComment() {
        return comment;
    }

    public Long getAttachmentId() {
        return attachmentId;
    }

    public String getFileSha256() {
        return fileSha256;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
