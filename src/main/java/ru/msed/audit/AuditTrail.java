package ru.msed.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records who changed what, when and from where. Written in the caller's transaction, so a change
 * that rolls back leaves no line, and a line is never missing for a change that stayed.
 */
@Service
public class AuditTrail {

    private final AuditEventRepository events;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, JdbcTemplate jdbc, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One INSERT on the transaction's connection: lines are only ever added (the table refuses changes),
     * so they need no entity in the persistence context, which every later flush of the step would check.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long organizationId, String actor, String action, String objectType, String objectId, String details) {
        jdbc.update("INSERT INTO audit_event (organization_id, occurred_at, actor, action, object_type, object_id, details,"
                + " remote_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", organizationId,
                OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC), actor == null ? "system" : actor, action,
                objectType, objectId, details, remoteAddress());
    }

    /**
     * Records what happened even though the caller's transaction rolls back or only reads: a refused
     * read of a card is logged while the request answers "not found".
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(Long organizationId, String actor, String action, String objectType, String objectId,
            String details) {
        record(organizationId, actor, action, objectType, objectId, details);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> of(long organizationId, Instant from, Instant to) {
        return events.findByOrganizationIdAndOccurredAtBetweenOrderById(organizationId, from, to);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> ofObject(String objectType, String objectId) {
        return events.findByObjectTypeAndObjectIdOrderById(objectType, objectId);
    }

    /** The client's address of the HTTP request being served; "engine" for timers and jobs. */
    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "engine";
    }
}
