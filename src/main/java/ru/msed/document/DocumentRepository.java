package ru.msed.document;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentRepository extends JpaRepository<Document, Long> {

    Optional<Document> findFirstByOrganizationIdAndKindAndRegistrationNumber(Long organizationId, DocumentKind kind,
            String registrationNumber);
}
