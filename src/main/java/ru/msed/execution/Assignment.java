package ru.msed.execution;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** One executor's part of a resolution. */
@Entity
public class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long resolutionId;
    private String executor;
    private boolean responsible;
    private LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    private AssignmentStatus status;
    private Instant completedAt;
    private boolean overdue;

    protected Assignment() {
    }

    Assignment(Long resolutionId, String executor, boolean responsible, LocalDate dueDate) {
        this.resolutionId = resolutionId;
        this.executor = executor;
        this.responsible = responsible;
        this.dueDate = dueDate;
        this.status = AssignmentStatus.OPEN;
    }

    void reported(Instant at) {
        this.status = AssignmentStatus.REPORTED;
        this.completedAt = at;
    }

    void close(Instant at) {
        this.status = AssignmentStatus.CLOSED;
        if (completedAt == null) {
            completedAt = at;
        }
    }

    void markOverdue() {
        this.overdue = true;
    }

    void moveDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    boolean isOpen() {
        return status == AssignmentStatus.OPEN;
    }

    void reopen() {
        this.status = AssignmentStatus.OPEN;
        this.completedAt = null;
    }

    public Long getId() {
        return id;
    }

    public Long getResolutionId() {
        return resolutionId;
    }

    public String getExecutor() {
        return executor;
    }

    public boolean isResponsible() {
        return responsible;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public AssignmentStatus getStatus() {
        return status;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public boolean isOverdue() {
        return overdue;
    }
}
