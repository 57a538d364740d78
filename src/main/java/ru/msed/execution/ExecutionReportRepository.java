package ru.msed.execution;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExecutionReportRepository extends JpaRepository<ExecutionReport, Long> {

    List<ExecutionReport> findByAssignmentIdInOrderById(Collection<Long> assignmentIds);

    Optional<ExecutionReport> findFirstByAssignmentIdAndKindOrderByIdDesc(Long assignmentId, ReportKind kind);
}
