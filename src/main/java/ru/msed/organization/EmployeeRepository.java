package ru.msed.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmployeeRepository extends JpaRepository<Employee, Long> {

    Optional<Employee> findByUserId(String userId);

    List<Employee> findByOrganizationIdAndEnabledTrueOrderByLastName(Long organizationId);

    List<Employee> findByOrganizationIdOrderByLastName(Long organizationId);

    List<Employee> findByUserIdIn(java.util.Collection<String> userIds);
}
