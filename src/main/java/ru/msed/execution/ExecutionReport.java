package ru.msed.execution;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A report (or a co-executor's contribution) and the controller's decision on it. */
@Entity
public class ExecutionReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long assignmentId;
    @Enumerated(EnumType.STRING)
    private ReportKind kind;
    private String author;
    private String text;
    private Instant submittedAt;
    @Enumerated(EnumType.STRING)
    private ControlDecision decision;
    private String decidedBy;
    private Instant decidedAt;
    private String controllerComment;

    protected ExecutionReport() {
    }

    ExecutionReport(Long assignmentId, ReportKind kind, String author, String text, Instant submittedAt) {
        this.assignmentId = assignmentId;
        this.kind = kind;
        this.author = author;
        this.text = text;
        this.submittedAt = submittedAt;
    }

    void decide(ControlDecision decision, String comment, String controller, Instant at) {
        this.decision = decision;
        this.controllerComment = comment;
        this.decidedBy = controller;
        this.decidedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getAssignmentId() {
        return assignmentId;
    }

    public ReportKind getKind() {
        return kind;
    }

    public String getAuthor() {
        return author;
    }

    public String getText() {
        return text;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public ControlDecision getDecision() {
        return decision;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getControllerComment() {
        return controllerComment;
    }
}
