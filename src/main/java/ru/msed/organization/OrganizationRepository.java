package ru.msed.organization;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationRepository extends JpaRepository<Organization, Long> {

    Optional<Organization> findByCode(String code);

    Optional<Organization> findByInn(String inn);

    java.util.List<Organization> findByCodeIn(java.util.Collection<String> codes);

    /** The organization's row locked until the transaction ends (serializes changes of its administrators). */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    Optional<Organization> findLockedById(Long id);

    /** Organizations whose short or full name contains the typed text (escaped with '\\'), or whose code is it. */
    @org.springframework.data.jpa.repository.Query("""
            select o from Organization o where lower(o.shortName) like :pattern escape '\\'
            or lower(o.fullName) like :pattern escape '\\' or lower(o.code) = :exact order by o.shortName, o.id""")
    java.util.List<Organization> search(String pattern, String exact, org.springframework.data.domain.Limit limit);

    /** Every organization's code and id, for bulk work (the legacy import). */
    @org.springframework.data.jpa.repository.Query("select o.code, o.id from Organization o")
    java.util.List<Object[]> codesAndIds();
}
