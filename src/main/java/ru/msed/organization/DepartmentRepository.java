package ru.msed.organization;

import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentRepository extends JpaRepository<Department, Long> {

    java.util.List<Department> findByOrganizationId(Long organizationId);

    java.util.Optional<Department> findByOrganizationIdAndName(Long organizationId, String name);
}
