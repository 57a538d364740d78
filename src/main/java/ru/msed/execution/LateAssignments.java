package ru.msed.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignments of one organization that are past their deadline — still open, or closed late — for
 * the controllers' view. Read from the application's own tables, so every version of the diagram
 * (and imported cards) is included; the organization comes from the card. Days are the
 * organizations' days ({@code msed.time-zone}).
 */
@Service
public class LateAssignments {

    /** A controller's list, not an export: the longest overdue first, at most this many. */
    static final int LIMIT = 500;
    /** How far back the «closed late» list looks (and the Excel report linked beside it). */
    public static final int CLOSED_LATE_DAYS = 90;

    public record Late(long assignmentId, long resolutionId, long documentId, String registrationNumber, String summary,
            String processInstanceId, String executor, boolean responsible, LocalDate dueDate, Instant completedAt,
            long daysLate, List<Extension> extensions) {
    }

    /** @param decision {@code APPROVED}, {@code REJECTED}, or null while the author has not decided */
    public record Extension(String requestedBy, LocalDate currentDeadline, LocalDate requestedDeadline, Instant requestedAt,
            String decision) {
    }

    private final JdbcTemplate jdbc;
    private final ExtensionRequestRepository extensions;
    private final Clock clock;

    LateAssignments(JdbcTemplate jdbc, ExtensionRequestRepository extensions, Clock clock) {
        this.jdbc = jdbc;
        this.extensions = extensions;
        this.clock = clock;
    }

    /** Open assignments whose deadline has passed, longest overdue first. */
    @Transactional(readOnly = true)
    public List<Late> overdue(long organizationId) {
        LocalDate today = LocalDate.now(clock);
        return withExtensions(jdbc.query(SELECT + """
                WHERE d.organization_id = ? AND a.completed_at IS NULL AND a.due_date < ?
                ORDER BY a.due_date, d.id, a.responsible DESC, a.id
                LIMIT ?""", (rs, i) -> late(rs, today), organizationId, today, LIMIT));
    }

    /** Assignments completed after their deadline in the last {@value #CLOSED_LATE_DAYS} days, latest first. */
    @Transactional(readOnly = true)
    public List<Late> closedLate(long organizationId) {
        LocalDate today = LocalDate.now(clock);
        String zone = clock.getZone().getId();
        return withExtensions(jdbc.query(SELECT + """
                WHERE d.organization_id = ? AND a.completed_at >= ?
                  AND (a.completed_at AT TIME ZONE ?)::date > a.due_date
                ORDER BY a.completed_at DESC, a.id
                LIMIT ?""", (rs, i) -> late(rs, today), organizationId,
                Timestamp.from(today.minusDays(CLOSED_LATE_DAYS).atStartOfDay(clock.getZone()).toInstant()), zone, LIMIT));
    }

    private static final String SELECT = """
            SELECT a.id, a.resolution_id, a.executor, a.responsible, a.due_date, a.completed_at,
                   d.id AS document_id, d.registration_number, d.summary, d.process_instance_id
            FROM assignment a
            JOIN resolution r ON r.id = a.resolution_id
            JOIN document d ON d.id = r.document_id
            """;

    private Late late(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        Timestamp completed = rs.getTimestamp("completed_at");
        Instant completedAt = completed == null ? null : completed.toInstant();
        LocalDate end = completedAt == null ? today : completedAt.atZone(clock.getZone()).toLocalDate();
        return new Late(rs.getLong("id"), rs.getLong("resolution_id"), rs.getLong("document_id"),
                rs.getString("registration_number"), rs.getString("summary"), rs.getString("process_instance_id"),
                rs.getString("executor"), rs.getBoolean("responsible"), due, completedAt,
                ChronoUnit.DAYS.between(due, end), List.of());
    }

    /** The deadline extension requests of the listed resolutions, in one query. */
    private List<Late> withExtensions(List<Late> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Extension>> byResolution = extensions
                .findByResolutionIdInOrderById(rows.stream().map(Late::resolutionId).distinct().toList()).stream()
                .collect(Collectors.groupingBy(ExtensionRequest::getResolutionId,
                        Collectors.mapping(e -> new Extension(e.getRequestedBy(), e.getCurrentDeadline(),
                                e.getRequestedDeadline(), e.getRequestedAt(), e.getDecision()), Collectors.toList())));
        List<Late> result = new ArrayList<>(rows.size());
        for (Late row : rows) {
            result.add(new Late(row.assignmentId(), row.resolutionId(), row.documentId(), row.registrationNumber(),
                    row.summary(), row.processInstanceId(), row.executor(), row.responsible(), row.dueDate(),
                    row.completedAt(), row.daysLate(), byResolution.getOrDefault(row.resolutionId(), List.of())));
        }
        return result;
    }
}
