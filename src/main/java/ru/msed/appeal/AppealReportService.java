package ru.msed.appeal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.appeal.AppealReport.ExecutorLine;
import ru.msed.appeal.AppealReport.Line;
import ru.msed.appeal.AppealReport.Terms;
import ru.msed.web.UserInputException;

/** Counts an organization's appeals registered in a period with a few aggregate queries on PostgreSQL. */
@Service
class AppealReportService {

    static final int MAX_PERIOD_DAYS = 366;
    /** Violated: marked by the term's timer, closed after the term, or open past it (forwarded ones have no answer term). */
    private static final String VIOLATED = "coalesce(a.result IS DISTINCT FROM 'FORWARDED' AND (a.term_violated"
            + " OR a.closed_on > a.answer_due OR (a.closed_on IS NULL AND a.answer_due < ?)), false)";

    private final JdbcTemplate jdbc;
    private final ThematicClassifier topics;
    private final Clock clock;

    AppealReportService(JdbcTemplate jdbc, ThematicClassifier topics, Clock clock) {
        this.jdbc = jdbc;
        this.topics = topics;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    AppealReport report(long organizationId, LocalDate from, LocalDate to) {
        validate(from, to);
        LocalDate today = LocalDate.now(clock);
        Terms totals = jdbc.queryForObject("""
                SELECT count(*) AS registered,
                       count(*) FILTER (WHERE a.closed_on IS NOT NULL) AS closed,
                       count(*) FILTER (WHERE a.closed_on IS NULL) AS open,
                       count(*) FILTER (WHERE a.result = 'FORWARDED') AS forwarded,
                       count(*) FILTER (WHERE a.closed_on IS NOT NULL AND a.result <> 'FORWARDED' AND NOT %s) AS kept,
                       count(*) FILTER (WHERE %s) AS violated,
                       count(*) FILTER (WHERE a.original_answer_due IS NOT NULL) AS extended
                FROM appeal a WHERE a.organization_id = ? AND a.registered_on BETWEEN ? AND ?""".formatted(VIOLATED, VIOLATED),
                (r, i) -> new Terms(r.getLong("registered"), r.getLong("closed"), r.getLong("open"), r.getLong("forwarded"),
                        r.getLong("kept"), r.getLong("violated"), r.getLong("extended")),
                today, today, organizationId, from, to);
        List<Line> sections = count("substring(a.topic_code, 1, 4)", organizationId, from, to,
                code -> code == null ? "Не указан" : topics.name(code));
        List<Line> kinds = count("a.kind", organizationId, from, to, code -> label(AppealKind.values(), code));
        List<Line> forms = count("a.receipt_form", organizationId, from, to, code -> label(ReceiptForm.values(), code));
        List<Line> results = count("a.result", organizationId, from, to,
                code -> code == null ? "На рассмотрении" : AppealResult.valueOf(code).label());
        List<ExecutorLine> executors = jdbc.query("""
                SELECT d.name AS department, e.user_id, e.last_name, e.first_name, e.patronymic, count(*) AS total,
                       count(*) FILTER (WHERE a.closed_on IS NOT NULL AND NOT %s) AS kept,
                       count(*) FILTER (WHERE %s) AS violated
                FROM appeal a
                JOIN employee e ON e.user_id = a.responsible_executor
                JOIN department d ON d.id = e.department_id
                WHERE a.organization_id = ? AND a.registered_on BETWEEN ? AND ?
                GROUP BY d.name, e.user_id, e.last_name, e.first_name, e.patronymic
                ORDER BY d.name, e.last_name, e.first_name""".formatted(VIOLATED, VIOLATED),
                (r, i) -> new ExecutorLine(r.getString("department"), r.getString("user_id"),
                        r.getString("last_name") + " " + r.getString("first_name").charAt(0) + "."
                                + (r.getString("patronymic") == null || r.getString("patronymic").isBlank() ? ""
                                        : " " + r.getString("patronymic").charAt(0) + "."),
                        r.getLong("total"), r.getLong("kept"), r.getLong("violated")),
                today, today, organizationId, from, to);
        return new AppealReport(from, to, today, totals, sections, kinds, forms, results, executors);
    }

    private List<Line> count(String column, long organizationId, LocalDate from, LocalDate to, Function<String, String> name) {
        return jdbc.query("SELECT " + column + " AS code, count(*) AS n FROM appeal a WHERE a.organization_id = ?"
                + " AND a.registered_on BETWEEN ? AND ? GROUP BY 1 ORDER BY 1 NULLS LAST",
                (r, i) -> new Line(r.getString("code"), name.apply(r.getString("code")), r.getLong("n")),
                organizationId, from, to);
    }

    private static String label(Enum<?>[] values, String code) {
        if (code == null) {
            return "Не указан";
        }
        return Arrays.stream(values).filter(v -> v.name().equals(code)).findFirst()
                .map(v -> v instanceof AppealKind k ? k.label() : ((ReceiptForm) v).label()).orElse(code);
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
}
