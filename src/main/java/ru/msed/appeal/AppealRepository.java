package ru.msed.appeal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppealRepository extends JpaRepository<Appeal, Long> {

    /** Earlier registered appeals of the same applicant in the organization, newest first. */
    List<Appeal> findByOrganizationIdAndApplicantKeyAndRegisteredOnNotNullAndDocumentIdNotOrderByDocumentIdDesc(
            Long organizationId, String applicantKey, Long documentId);

    List<Appeal> findByOrganizationIdAndRegisteredOnBetween(Long organizationId, LocalDate from, LocalDate to);
}
