package ru.msed.organization;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationRepository extends JpaRepository<Organization, Long> {

    Optional<Organization> findByCode(String code);

    Optional<Organization> findByInn(String inn);
}
