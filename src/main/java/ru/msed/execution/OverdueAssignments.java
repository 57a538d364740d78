package ru.msed.execution;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How many open assignments are past their deadline, per organization code (for the operations gauges). */
@Component
public class OverdueAssignments {

    private final JdbcTemplate jdbc;

    OverdueAssignments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Long> countByOrganization() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("""
                SELECT o.code, count(*) FROM assignment a
                  JOIN resolution r ON r.id = a.resolution_id
                  JOIN document d ON d.id = r.document_id
                  JOIN organization o ON o.id = d.organization_id
                 WHERE a.status = 'OPEN' AND a.due_date < current_date
                 GROUP BY o.code""", row -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        return counts;
    }
}
