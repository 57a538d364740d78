package ru.msed.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmployeeRepository extends JpaRepository<Employee, Long> {

    Optional<Employee> findByUserId(String userId);

    List<Employee> findByOrganizationIdAndEnabledTrueOrderByLastName(Long organizationId);

    List<Employee> findByOrganizationIdOrderByLastName(Long organizationId);

    Optional<Employee> findByPublicIdAndEnabledTrue(java.util.UUID publicId);

    /** Enabled staff whose surname starts with the typed letters (pattern escaped with '\\'), by surname. */
    @org.springframework.data.jpa.repository.Query("""
            select e from Employee e where e.organizationId = :organizationId and e.enabled = true
            and lower(e.lastName) like :prefix escape '\\' order by e.lastName, e.firstName, e.id""")
    List<Employee> findStaffBySurname(Long organizationId, String prefix, org.springframework.data.domain.Limit limit);

    /**
     * Enabled staff of the organization who are members of the group, by surname: one statement on
     * our table and the engine's membership table (its primary key), where an engine user query
     * after ours took two, with the engine's authorization checks.
     */
    @org.springframework.data.jpa.repository.Query(nativeQuery = true, value = ENABLED_MEMBERS + " ORDER BY e.last_name")
    List<Employee> findEnabledMembers(Long organizationId, String groupId);

    /** Enabled staff of an organization in a group; also read as plain rows by {@link OrganizationService}. */
    String ENABLED_MEMBERS = """
            SELECT e.* FROM employee e WHERE e.organization_id = :organizationId AND e.enabled
            AND EXISTS (SELECT 1 FROM act_id_membership m WHERE m.user_id_ = e.user_id AND m.group_id_ = :groupId)""";

    /** Every enabled employee's login and organization, for bulk work (the legacy import). */
    @org.springframework.data.jpa.repository.Query("select e.userId, e.organizationId from Employee e where e.enabled = true")
    List<Object[]> enabledUserOrganizations();
}
