package ru.msed.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.reporting.ExecutionSummary.Counts;
import ru.msed.reporting.ExecutionSummary.Row;
import ru.msed.web.UserInputException;

/** Counts assignments by department and executor in one aggregate query on PostgreSQL. */
@Service
public class ExecutionSummaryService {

    static final int MAX_PERIOD_DAYS = 366;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ExecutionSummaryService(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ExecutionSummary summarize(long organizationId, LocalDate from, LocalDate to) {
        validate(from, to);
        LocalDate today = LocalDate.now(clock);
        String zone = clock.getZone().getId();
        List<Row> rows = jdbc.query("""
                SELECT d.name AS department, e.user_id, e.last_name, e.first_name, e.patronymic,
                       count(*) FILTER (WHERE a.completed_at IS NOT NULL
                                          AND (a.completed_at AT TIME ZONE ?)::date <= a.due_date) AS on_time,
                       count(*) FILTER (WHERE a.completed_at IS NOT NULL
                                          AND (a.completed_at AT TIME ZONE ?)::date > a.due_date) AS late,
                       count(*) FILTER (WHERE a.completed_at IS NULL AND a.due_date >= ?) AS open,
                       count(*) FILTER (WHERE a.completed_at IS NULL AND a.due_date < ?) AS overdue
                FROM assignment a
                JOIN employee e ON e.user_id = a.executor
                JOIN department d ON d.id = e.department_id
                WHERE e.organization_id = ? AND a.due_date BETWEEN ? AND ?
                GROUP BY d.name, e.user_id, e.last_name, e.first_name, e.patronymic
                ORDER BY d.name, e.last_name, e.first_name""",
                (r, i) -> new Row(r.getString("department"), r.getString("user_id"),
                        shortName(r.getString("last_name"), r.getString("first_name"), r.getString("patronymic")),
                        new Counts(r.getLong("on_time"), r.getLong("late"), r.getLong("open"), r.getLong("overdue"))),
                zone, zone, today, today, organizationId, from, to);
        Counts totals = rows.stream().map(Row::counts).reduce(Counts.ZERO, Counts::plus);
        return new ExecutionSummary(from, to, today, rows, totals);
    }

    private static void validate(LocalDate from, LocalDate to) {
        List<String> problems = new ArrayList<>();
        if (from == null || to == null) {
            problems.add("Укажите начало и конец периода (from, to в формате ГГГГ-ММ-ДД).");
        } else if (from.isAfter(to)) {
            problems.add("Начало периода позже его конца.");
        } else if (from.plusDays(MAX_PERIOD_DAYS).isBefore(to)) {
            problems.add("Период длиннее " + MAX_PERIOD_DAYS + " дней: разбейте его на части.");
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
    }

    private static String shortName(String last, String first, String patronymic) {
        return last + " " + first.charAt(0) + "." + (patronymic == null || patronymic.isBlank() ? "" : " " + patronymic.charAt(0) + ".");
    }
}
