package ru.msed.execution;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    List<Assignment> findByResolutionIdOrderById(Long resolutionId);

    Optional<Assignment> findByResolutionIdAndExecutor(Long resolutionId, String executor);
}
