package ru.msed.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One line of the audit trail. Append-only (a database trigger refuses updates and deletes). */
@Entity
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long organizationId;
    private Instant occurredAt;
    private String actor;
    private String action;
    private String objectType;
    private String objectId;
    private String details;
    private String remoteAddress;

    protected AuditEvent() {
    }

    AuditEvent(Long organizationId, Instant occurredAt, String actor, String action, String objectType, String objectId,
            String details, String remoteAddress) {
        this.organizationId = organizationId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.details = details;
        this.remoteAddress = remoteAddress;
    }

    public Long getId() {
        return id;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getObjectType() {
        return objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public String getDetails() {
        return details;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }
}
