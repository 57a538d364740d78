package ru.msed.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.web.UserInputException;

/**
 * Finds the cards a user may see ({@link CardVisibility}) by registration number, date range, correspondent and words of
 * the summary (PostgreSQL full-text search, Russian configuration), newest first, a page at a time.
 */
@Service
public class CardSearch {

    static final int MAX_PAGE_SIZE = 100;

    private final JdbcTemplate jdbc;
    private final CardVisibility visibility;

    CardSearch(JdbcTemplate jdbc, CardVisibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    public record Criteria(String words, String number, LocalDate from, LocalDate to, String correspondent, int page, int size) {
    }

    public record Hit(long id, String kind, String status, String registrationNumber, LocalDate registrationDate,
            String correspondent, String summary) {
    }

    @Transactional(readOnly = true)
    public List<Hit> search(CardVisibility.Viewer viewer, Criteria criteria) {
        if (criteria.from() != null && criteria.to() != null && criteria.from().isAfter(criteria.to())) {
            throw new UserInputException("Начало периода позже его конца.");
        }
        int size = criteria.size() <= 0 ? 20 : Math.min(criteria.size(), MAX_PAGE_SIZE);
        StringBuilder sql = new StringBuilder("""
                SELECT id, kind, status, registration_number, registration_date, correspondent, summary
                FROM document WHERE organization_id = ?""");
        List<Object> args = new ArrayList<>(List.of(viewer.organizationId()));
        sql.append(visibility.searchCondition(viewer, args));
        if (notBlank(criteria.words())) {
            sql.append(" AND search @@ websearch_to_tsquery('russian', ?)");
            args.add(criteria.words().strip());
        }
        if (notBlank(criteria.number())) {
            sql.append(" AND registration_number = ?");
            args.add(criteria.number().strip());
        }
        if (criteria.from() != null) {
            sql.append(" AND registration_date >= ?");
            args.add(criteria.from());
        }
        if (criteria.to() != null) {
            sql.append(" AND registration_date <= ?");
            args.add(criteria.to());
        }
        if (notBlank(criteria.correspondent())) {
            sql.append(" AND correspondent ILIKE ?");
            args.add("%" + criteria.correspondent().strip().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" ORDER BY registration_date DESC NULLS LAST, id DESC LIMIT ? OFFSET ?");
        args.add(size);
        args.add(Math.max(criteria.page(), 0) * size);
        return jdbc.query(sql.toString(), (r, i) -> new Hit(r.getLong("id"), r.getString("kind"), r.getString("status"),
                r.getString("registration_number"), r.getObject("registration_date", LocalDate.class),
                r.getString("correspondent"), r.getString("summary")), args.toArray());
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
