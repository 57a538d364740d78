package ru.msed.resolution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.database.Copy;

/**
 * Resolutions of cards moved from the legacy system: approved already (by «migration»), on control,
 * with one responsible executor; written in bulk in the import's transaction.
 */
@Service
public class LegacyResolutions {

    private static final String MIGRATION = "migration";
    /** The legacy system's resolution without a text. */
    private static final String DEFAULT_TEXT = "Исполнить";

    /** A legacy card's resolution as the export has it. */
    public record Legacy(long documentId, String text, String responsibleExecutor, LocalDate deadline) {
    }

    /** A card's approved resolution as the execution that continues it needs it; executors: responsible first. */
    public record Approved(long id, String text, String responsibleExecutor, List<String> executors, LocalDate deadline,
            boolean onControl, String approvedBy) {

        public boolean hasCoExecutors() {
            return executors.size() > 1;
        }
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    LegacyResolutions(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Writes the resolutions; returns their ids in the order given. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> write(List<Legacy> resolutions) {
        if (resolutions.isEmpty()) {
            return List.of();
        }
        jdbc.execute("""
                CREATE TEMP TABLE legacy_resolution_staging (ord INT, document_id BIGINT, text VARCHAR(4000),
                    executor VARCHAR(64), deadline DATE) ON COMMIT DROP""");
        List<Object[]> rows = new ArrayList<>(resolutions.size());
        for (int i = 0; i < resolutions.size(); i++) {
            Legacy r = resolutions.get(i);
            rows.add(new Object[] {i, r.documentId(), r.text(), r.responsibleExecutor(), r.deadline()});
        }
        Copy.into(dataSource, "legacy_resolution_staging", List.of("ord", "document_id", "text", "executor", "deadline"), rows);
        Long[] ids = new Long[resolutions.size()];
        jdbc.query("""
                WITH inserted AS (
                    INSERT INTO resolution (document_id, status, text, responsible_executor, deadline, on_control,
                        drafted_by, drafted_at, approved_by, approved_at)
                    SELECT document_id, 'APPROVED', coalesce(text, ?), executor, deadline, TRUE, ?, now(), ?, now()
                    FROM legacy_resolution_staging ORDER BY ord
                    RETURNING id, document_id)
                SELECT s.ord, i.id FROM inserted i JOIN legacy_resolution_staging s ON s.document_id = i.document_id""",
                rs -> {
                    ids[rs.getInt(1)] = rs.getLong(2);
                }, DEFAULT_TEXT, MIGRATION, MIGRATION);
        return List.of(ids);
    }

    /**
     * The card's latest approved resolution, in one statement: an imported card's execution starts
     * from it, once per card of the import.
     */
    public java.util.Optional<Approved> approvedOf(long documentId) {
        return jdbc.query("""
                SELECT r.id, r.text, r.responsible_executor, r.deadline, r.on_control, r.approved_by,
                       ARRAY(SELECT c.user_id FROM resolution_co_executor c WHERE c.resolution_id = r.id ORDER BY c.user_id)
                FROM resolution r WHERE r.document_id = ? AND r.status = 'APPROVED' ORDER BY r.id DESC LIMIT 1""",
                (rs, i) -> {
                    List<String> executors = new ArrayList<>();
                    executors.add(rs.getString(3));
                    executors.addAll(List.of((String[]) rs.getArray(7).getArray()));
                    return new Approved(rs.getLong(1), rs.getString(2), rs.getString(3), List.copyOf(executors),
                            rs.getObject(4, LocalDate.class), rs.getBoolean(5), rs.getString(6));
                }, documentId).stream().findFirst();
    }
}
