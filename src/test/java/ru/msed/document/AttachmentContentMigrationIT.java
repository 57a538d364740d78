package ru.msed.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import ru.msed.content.ContentProblems;
import ru.msed.content.ContentStore;

/**
 * An upgraded installation: files still in the BYTEA column (the change that drops it is held back
 * by its label here, as its precondition holds it back in a real upgrade while rows remain). The
 * command moves them, verifying each hash, resumes and does nothing twice; then the change drops
 * the column. A database of its own, like BenchmarkIT.
 */
@SpringBootTest(properties = {"msed.embedded-postgres.data-directory=target/files-migration-it-postgres",
    "camunda.bpm.process-engine-name=filesmigration", "msed.files.directory=target/files-migration-it-files",
    "spring.liquibase.label-filter=!drop-attachment-content"})
@ActiveProfiles("test")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttachmentContentMigrationIT {

    @Autowired
    AttachmentContentMigration migration;
    @Autowired
    AttachmentService attachments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ContentStore store;
    @Autowired
    ContentProblems problems;
    @Autowired
    DataSource dataSource;

    /** The README's rate: {@code -Dmsed.files.measure=true}; 500 files of 1 MB (runs before the column goes). */
    @Test
    @Order(1)
    @EnabledIfSystemProperty(named = "msed.files.measure", matches = "true")
    void measuresTheMoveOfFiveHundredMegabyteFiles() {
        long documentId = jdbc.queryForObject("INSERT INTO document (organization_id, kind, status, summary, created_by)"
                + " SELECT id, 'INCOMING', 'DRAFT', 'Замер', 'registrar' FROM organization WHERE code = 'DEMO' RETURNING id",
                Long.class);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            byte[] content = new byte[1024 * 1024];
            random.nextBytes(content);
            legacyRow(documentId, "скан-" + i + ".pdf", content, AttachmentService.sha256(content));
        }
        AttachmentContentMigration.Result result = migration.run(progress -> { });
        System.out.printf("%nAttachmentContentMigrationIT: moved %d files (%d MB) in %.1f s: %.0f files/s, %.1f MB/s%n",
                result.moved(), result.bytes() / 1048576, result.took().toMillis() / 1000.0, result.filesPerSecond(),
                result.megabytesPerSecond());
        assertThat(result.moved()).isEqualTo(500);
    }

    @Test
    @Order(2)
    void movesEveryFileOutOfTheDatabaseVerifiedOnceThenTheColumnGoes() throws Exception {
        long documentId = jdbc.queryForObject("""
                INSERT INTO document (organization_id, kind, status, summary, created_by)
                SELECT id, 'INCOMING', 'DRAFT', 'Старые файлы', 'registrar' FROM organization WHERE code = 'DEMO' RETURNING id""",
                Long.class);
        byte[] scan = "%PDF-1.4 скан из базы данных".getBytes(StandardCharsets.UTF_8);
        byte[] letter = "Письмо из базы данных".getBytes(StandardCharsets.UTF_8);
        byte[] damaged = "Повреждённое в базе".getBytes(StandardCharsets.UTF_8);
        long scanId = legacyRow(documentId, "скан.pdf", scan, AttachmentService.sha256(scan));
        long letterId = legacyRow(documentId, "письмо.txt", letter, AttachmentService.sha256(letter));
        long damagedId = legacyRow(documentId, "битый.pdf", damaged, AttachmentService.sha256("другое".getBytes(StandardCharsets.UTF_8)));

        // Before the move a file is still served from the database, verified.
        assertThat(attachments.download(documentId, scanId).content()).isEqualTo(scan);

        AttachmentContentMigration.Result first = migration.run(progress -> { });

        assertThat(first.remaining() - first.moved() - first.failed()).isZero();
        assertThat(first.moved()).isEqualTo(2);
        assertThat(first.failed()).isEqualTo(1);
        Map<String, Object> moved = jdbc.queryForMap("SELECT content_key, content FROM attachment WHERE id = ?", scanId);
        assertThat(moved.get("content_key")).isEqualTo(AttachmentService.sha256(scan));
        assertThat(moved.get("content")).isNull();
        assertThat(store.size(AttachmentService.sha256(letter))).isEqualTo(letter.length);
        assertThat(attachments.download(documentId, letterId).content()).isEqualTo(letter);
        assertThat(jdbc.queryForObject("SELECT content FROM attachment WHERE id = ?", byte[].class, damagedId)).isEqualTo(damaged);
        assertThat(problems.list(false)).anyMatch(p -> p.kind() == ContentProblems.Kind.CORRUPT && p.detail().contains("битый.pdf"));

        AttachmentContentMigration.Result second = migration.run(progress -> { });
        assertThat(second.moved()).isZero();
        assertThat(second.remaining()).isEqualTo(1);

        // Support corrects the record (say, from the legacy system's own checksum): the next run moves it.
        jdbc.update("UPDATE attachment SET sha256 = ? WHERE id = ?", AttachmentService.sha256(damaged), damagedId);
        assertThat(migration.run(progress -> { }).moved()).isOne();
        assertThat(migration.run(progress -> { }).remaining()).isZero();

        // The next start's Liquibase run now drops the column.
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.xml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
        assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'attachment'",
                String.class)).doesNotContain("content").contains("content_key");
        assertThat(migration.run(progress -> { }).remaining()).isZero();
        assertThat(attachments.download(documentId, damagedId).content()).isEqualTo(damaged);
        List<String> keys = jdbc.queryForList("SELECT content_key FROM attachment WHERE document_id = ?", String.class, documentId);
        assertThat(keys).doesNotContainNull().hasSize(3);
    }

    private long legacyRow(long documentId, String name, byte[] content, String sha256) {
        return jdbc.queryForObject("""
                INSERT INTO attachment (document_id, file_name, content_type, size_bytes, sha256, content, version, uploaded_by)
                VALUES (?, ?, 'application/octet-stream', ?, ?, ?, 1, 'registrar') RETURNING id""", Long.class,
                documentId, name, content.length, sha256, content);
    }
}
