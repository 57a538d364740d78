package ru.msed.execution;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** An executor's request to move the deadline (перенос срока) and the resolution author's decision. */
@Entity
public class ExtensionRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long resolutionId;
    private String requestedBy;
    private String reason;
    private LocalDate currentDeadline;
    private LocalDate requestedDeadline;
    private Instant requestedAt;
    private String decision;
    private String decidedBy;
    private Instant decidedAt;
    private String comment;

    protected ExtensionRequest() {
    }

    ExtensionRequest(Long resolutionId, String requestedBy, String reason, LocalDate currentDeadline,
            LocalDate requestedDeadline, Instant requestedAt) {
        this.resolutionId = resolutionId;
        this.requestedBy = requestedBy;
        this.reason = reason;
        this.currentDeadline = currentDeadline;
        this.requestedDeadline = requestedDeadline;
        this.requestedAt = requestedAt;
    }

    void decide(boolean approved, String decidedBy, String comment, Instant at) {
        this.decision = approved ? "APPROVED" : "REJECTED";
        this.decidedBy = decidedBy;
        this.comment = comment;
        this.decidedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getResolutionId() {
        return resolutionId;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getReason() {
        return reason;
    }

    public LocalDate getCurrentDeadline() {
        return currentDeadline;
    }

    public LocalDate getRequestedDeadline() {
        return requestedDeadline;
    }

    public String getDecision() {
        return decision;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getComment() {
        return comment;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
