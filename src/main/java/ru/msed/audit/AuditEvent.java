package ru.msed.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * One line of the audit trail, as read back. Append-only (a database trigger refuses updates and
 * deletes); lines are written by {@link AuditTrail#record} in one INSERT.
 */
@Entity
@org.hibernate.annotations.Immutable
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
