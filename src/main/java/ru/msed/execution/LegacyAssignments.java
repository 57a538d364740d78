package ru.msed.execution;

import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.database.Copy;

/**
 * Assignments of cards moved from the legacy system, written in bulk in the import's transaction:
 * the responsible executor's, open until the legacy system recorded its execution.
 */
@Service
public class LegacyAssignments {

    /** {@code executedOn} null: still open. */
    public record Legacy(long resolutionId, String executor, LocalDate dueDate, LocalDate executedOn) {
    }

    private final DataSource dataSource;

    LegacyAssignments(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void write(List<Legacy> assignments) {
        // A date copied into completed_at is its midnight in the session's time zone, as a cast would make it.
        Copy.into(dataSource, "assignment", List.of("resolution_id", "executor", "responsible", "due_date", "status",
                "completed_at"), assignments.stream().map(a -> new Object[] {a.resolutionId(), a.executor(), true, a.dueDate(),
                    a.executedOn() == null ? AssignmentStatus.OPEN.name() : AssignmentStatus.CLOSED.name(),
                    a.executedOn()}).toList());
    }
}
