package ru.msed.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findByObjectTypeAndObjectIdOrderById(String objectType, String objectId);

    List<AuditEvent> findByOrganizationIdAndOccurredAtBetweenOrderById(Long organizationId, Instant from, Instant to);
}
