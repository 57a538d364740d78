package ru.msed.migration;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The latest legacy import's checkpoint, as any node sees it in the shared database (for the gauges). */
@Component
public class ImportProgress {

    private final JdbcTemplate jdbc;

    ImportProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Latest(long recordsDone, long imported, long rejected, boolean running) {
        public static final Latest NONE = new Latest(0, 0, 0, false);
    }

    public Latest latest() {
        List<Latest> rows = jdbc.query("""
                SELECT records_done, imported, rejected, finished_at IS NULL FROM import_run
                 ORDER BY started_at DESC, id DESC LIMIT 1""",
                (row, n) -> new Latest(row.getLong(1), row.getLong(2), row.getLong(3), row.getBoolean(4)));
        return rows.isEmpty() ? Latest.NONE : rows.get(0);
    }
}
