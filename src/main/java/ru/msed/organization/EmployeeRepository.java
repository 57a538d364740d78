package ru.msed.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmployeeRepository extends JpaRepository<Employee, Long> {

    Optional<Employee> findByUserId(String userId);

    List<Employee> findByOrganizationIdAndEnabledTrueOrderByLastName(Long organizationId);

    List<Employee> findByOrganizationIdOrderByLastName(Long organizationId);

    List<Employee> findByUserIdIn(java.util.Collection<String> userIds);

    Optional<Employee> findByPublicIdAndEnabledTrue(java.util.UUID publicId);

    /** Enabled staff whose surname starts with the typed letters (pattern escaped with '\\'), by surname. */
    @org.springframework.data.jpa.repository.Query("""
            select e from Employee e where e.organizationId = :organizationId and e.enabled = true
            and lower(e.lastName) like :prefix escape '\\' order by e.lastName, e.firstName, e.id""")
    List<Employee> findStaffBySurname(Long organizationId, String prefix, org.springframework.data.domain.Limit limit);

    /** Every enabled employee's login and organization, for bulk work (the legacy import). */
    @org.springframework.data.jpa.repository.Query("select e.userId, e.organizationId from Employee e where e.enabled = true")
    List<Object[]> enabledUserOrganizations();
}
