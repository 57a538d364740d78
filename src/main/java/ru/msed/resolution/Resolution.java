package ru.msed.resolution;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A resolution on a document: assignment text, responsible executor, co-executors, deadline, control. */
@Entity
public class Resolution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long documentId;
    @Enumerated(EnumType.STRING)
    private ResolutionStatus status;
    private String text;
    private String responsibleExecutor;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "resolution_co_executor", joinColumns = @JoinColumn(name = "resolution_id"))
    @Column(name = "user_id")
    @OrderBy
    private Set<String> coExecutors = new LinkedHashSet<>();
    private LocalDate deadline;
    private boolean onControl;
    private String draftedBy;
    private Instant draftedAt;
    private String approvedBy;
    private Instant approvedAt;
    private String managerComment;

    protected Resolution() {
    }

    Resolution(Long documentId) {
        this.documentId = documentId;
    }

    void draft(ResolutionDraft draft, String actor, Instant at) {
        apply(draft);
        this.status = ResolutionStatus.DRAFT;
        this.draftedBy = actor;
        this.draftedAt = at;
    }

    boolean differsFrom(ResolutionDraft draft) {
        return !(draft.text().equals(text) && draft.responsibleExecutor().equals(responsibleExecutor)
                && Set.copyOf(draft.coExecutors()).equals(Set.copyOf(coExecutors))
                && draft.deadline().equals(deadline) && draft.onControl() == onControl);
    }

    void approve(ResolutionDraft finalVersion, String actor, Instant at) {
        apply(finalVersion);
        this.status = ResolutionStatus.APPROVED;
        this.approvedBy = actor;
        this.approvedAt = at;
    }

    void moveDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }

    void returnToAssistant(String comment) {
        this.status = ResolutionStatus.RETURNED;
        this.managerComment = comment;
    }

    private void apply(ResolutionDraft draft) {
        this.text = draft.text();
        this.responsibleExecutor = draft.responsibleExecutor();
        this.coExecutors.clear();
        this.coExecutors.addAll(draft.coExecutors());
        this.deadline = draft.deadline();
        this.onControl = draft.onControl();
    }

    /** The responsible executor first, then co-executors: one assignment each. */
    public List<String> executors() {
        var all = new java.util.ArrayList<String>();
        all.add(responsibleExecutor);
        all.addAll(coExecutors);
        return List.copyOf(all);
    }

    public Long getId() {
        return id;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public ResolutionStatus getStatus() {
        return status;
    }

    public String getText() {
        return text;
    }

    public String getResponsibleExecutor() {
        return responsibleExecutor;
    }

    public List<String> getCoExecutors() {
        return List.copyOf(coExecutors);
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public boolean isOnControl() {
        return onControl;
    }

    public String getDraftedBy() {
        return draftedBy;
    }

    public Instant getDraftedAt() {
        return draftedAt;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getManagerComment() {
        return managerComment;
    }
}
