package ru.msed.document;

import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.content.ContentLocks;
import ru.msed.database.Copy;

/**
 * Cards moved from the legacy system, written in bulk in the import's transaction: COPY into a
 * staging table, then one set-based insert. A number already imported (per organization and kind)
 * is not written again; the caller learns which records became cards.
 */
@Service
public class LegacyCards {

    /** Who the legacy cards and their files are recorded as created by. */
    public static final String MIGRATION = "migration";

    /** A card of the export; {@code open}: its assignment is still being executed. */
    public record Card(long record, long organizationId, String kind, String number, LocalDate registrationDate,
            String correspondent, String summary, boolean open, String executionMark, String fileReference, String files) {
    }

    /** A record of the batch that became a card (the first record of its number). */
    public record Written(long record, long documentId) {
    }

    /** A file of a legacy card, already in the content store under {@code key}; numbered by the card it names. */
    public record File(long organizationId, String kind, String number, long record, int position, String name,
            String contentType, long size, String key) {
    }

    /** An open legacy card whose assignment has no process instance yet. */
    public record Waiting(long documentId, long organizationId, String number, String summary, String correspondent) {
    }

    private static final List<String> STAGING_COLUMNS = List.of("record", "organization_id", "kind", "number", "reg_date",
            "correspondent", "summary", "open", "mark", "file_reference", "files");

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final ContentLocks locks;

    LegacyCards(JdbcTemplate jdbc, DataSource dataSource, ContentLocks locks) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.locks = locks;
    }

    /** Writes the batch's cards; a number already imported, or repeated in the batch, stays out. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Written> write(List<Card> cards) {
        jdbc.execute("""
                CREATE TEMP TABLE legacy_card_staging (
                    record BIGINT, organization_id BIGINT, kind VARCHAR(20), number VARCHAR(100), reg_date DATE,
                    correspondent VARCHAR(500), summary VARCHAR(2000), open BOOLEAN, mark VARCHAR(2000),
                    file_reference VARCHAR(100), files VARCHAR(4000)) ON COMMIT DROP""");
        Copy.into(dataSource, "legacy_card_staging", STAGING_COLUMNS, cards.stream().map(c -> new Object[] {c.record(),
            c.organizationId(), c.kind(), c.number(), c.registrationDate(), c.correspondent(), c.summary(), c.open(),
            c.executionMark(), c.fileReference(), c.files()}).toList());
        // Temporary tables have no statistics: without them the planner joins them row by row.
        jdbc.execute("ANALYZE legacy_card_staging");
        return jdbc.query("""
                WITH inserted AS (
                    INSERT INTO document (organization_id, kind, status, registration_number, registration_date,
                        correspondent, summary, execution_mark, file_reference, closed_at, created_by, created_at,
                        legacy, legacy_files)
                    SELECT organization_id, kind, CASE WHEN open THEN 'ON_EXECUTION' ELSE 'CLOSED' END,
                           number, reg_date, correspondent, summary, mark, file_reference,
                           CASE WHEN open THEN NULL ELSE now() END, ?, now(), TRUE, files
                    FROM legacy_card_staging ORDER BY record
                    ON CONFLICT (organization_id, kind, registration_number) WHERE legacy DO NOTHING
                    RETURNING id, organization_id, kind, registration_number)
                -- The first record of a number is the one inserted; later ones in the batch are duplicates.
                , firsts AS (SELECT organization_id, kind, number, min(record) AS record FROM legacy_card_staging
                             GROUP BY organization_id, kind, number)
                SELECT f.record, i.id FROM inserted i
                JOIN firsts f ON f.organization_id = i.organization_id AND f.kind = i.kind AND f.number = i.registration_number
                ORDER BY f.record""", (rs, i) -> new Written(rs.getLong(1), rs.getLong(2)), MIGRATION);
    }

    /**
     * The files become attachments of the legacy cards they name by number — cards of this batch or
     * imported before (a row imported again adds only the files its card lacks).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void attach(List<File> files) {
        if (files.isEmpty()) {
            return;
        }
        jdbc.execute("""
                CREATE TEMP TABLE legacy_file_staging (organization_id BIGINT, kind VARCHAR(20), number VARCHAR(100),
                    record BIGINT, position INT, file_name VARCHAR(255), content_type VARCHAR(255), size_bytes BIGINT,
                    sha256 CHAR(64)) ON COMMIT DROP""");
        Copy.into(dataSource, "legacy_file_staging", List.of("organization_id", "kind", "number", "record", "position",
                "file_name", "content_type", "size_bytes", "sha256"), files.stream().map(f -> new Object[] {f.organizationId(),
                    f.kind(), f.number(), f.record(), f.position(), f.name(), f.contentType(), f.size(), f.key()}).toList());
        // Held until commit: the sweep does not take a file this batch is about to name.
        locks.sharedAll(files.stream().map(File::key).toList());
        jdbc.update("""
                INSERT INTO attachment (document_id, file_name, content_type, size_bytes, sha256, content_key, version,
                    uploaded_by, uploaded_at)
                SELECT d.id, f.file_name, f.content_type, f.size_bytes, f.sha256, f.sha256,
                       coalesce((SELECT max(a.version) FROM attachment a
                                 WHERE a.document_id = d.id AND a.file_name = f.file_name), 0)
                         + row_number() OVER (PARTITION BY d.id, f.file_name ORDER BY f.record, f.position),
                       ?, now()
                FROM legacy_file_staging f
                JOIN document d ON d.legacy AND d.organization_id = f.organization_id AND d.kind = f.kind
                     AND d.registration_number = f.number
                WHERE NOT EXISTS (SELECT 1 FROM attachment a WHERE a.document_id = d.id
                                  AND a.file_name = f.file_name AND a.sha256 = f.sha256)
                ORDER BY f.record, f.position""", MIGRATION);
    }

    /** Open legacy cards after {@code afterId} whose assignment has no process instance yet, by id. */
    @Transactional(readOnly = true)
    public List<Waiting> waitingForProcess(long afterId, int limit) {
        return jdbc.query("""
                SELECT id, organization_id, registration_number, summary, correspondent FROM document
                WHERE legacy AND status = 'ON_EXECUTION' AND process_instance_id IS NULL AND id > ?
                ORDER BY id LIMIT ?""", (rs, i) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5)), afterId, limit);
    }

    /** Each card remembers the process instance its assignment continues in: {@code {documentId, processInstanceId}}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void linkProcesses(List<Object[]> documentAndInstance) {
        jdbc.batchUpdate("UPDATE document SET process_instance_id = ? WHERE id = ?",
                documentAndInstance.stream().map(pair -> new Object[] {pair[1], pair[0]}).toList());
    }
}
