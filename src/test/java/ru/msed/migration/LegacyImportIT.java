package ru.msed.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.msed.MsedIntegrationTest;
import ru.msed.document.AttachmentInfo;
import ru.msed.document.AttachmentService;

/** Import of generated legacy exports: good and bad rows, idempotence, resume after an interruption. */
@MsedIntegrationTest
class LegacyImportIT {

    static final String HEADER = String.join(";", LegacyImport.COLUMNS) + "\n";

    @Autowired
    LegacyImport importer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AttachmentService attachments;
    @Autowired
    ru.msed.organization.OrganizationService organizations;

    @Test
    void goodRowsAreImportedBadOnesRejectedWithReasonsAndOpenAssignmentsContinue() throws Exception {
        String p = "T1-" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate deadline = LocalDate.of(2026, 12, 15);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes((HEADER
                + "DEMO;INCOMING;" + p + "-1;12.01.2024;Администрация района;О закрытом деле;Рассмотреть;executor1;20.01.2024;19.01.2024;Исполнено;01-05;\n"
                + "DEMO;INCOMING;" + p + "-2;2024-02-01;Минфин;Об открытом поручении;Подготовить ответ;executor1;" + deadline + ";;;;scan.pdf\n"
                + "NOPE;INCOMING;" + p + "-3;01.02.2024;X;Неизвестная организация;;;;;;;\n"
                + "DEMO;INCOMING;" + p + "-4;31.02.2024;X;Битая дата;;;;;;;\n"
                + "DEMO;INCOMING;" + p + "-5;01.02.2024;X;Мало столбцов\n"
                + "DEMO;INCOMING;" + p + "-1;01.03.2024;X;Повтор номера;;;;;;;\n"
                + "DEMO;INCOMING;" + p + "-6;01.03.2024;X;Чужой исполнитель;Сделать;alt-executor;01.04.2024;;;;\n"
                + "DEMO;INCOMING;" + p + "-8;01.03.2024;X;Срок вне календаря;Сделать;executor1;15.03.2031;;;;\n").getBytes(StandardCharsets.UTF_8));
        file.writeBytes(("DEMO;INCOMING;" + p + "-7;01.03.2024;X;Кодировка cp1251;;;;;;;\n").getBytes(Charset.forName("windows-1251")));
        Path csv = write(file.toByteArray());
        Path rejects = csv.resolveSibling(csv.getFileName() + ".rejects.csv");

        LegacyImport.Result result = importer.run(csv, rejects, StandardCharsets.UTF_8, 3, progress -> { });

        assertThat(result.records()).isEqualTo(9);
        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(7);
        assertThat(result.runningInstances()).isEqualTo(1);
        List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertThat(lines).contains("3;организация «NOPE» не подключена к МСЭД;" + p + "-3;NOPE",
                "4;неверная дата в поле registration_date: «31.02.2024»;" + p + "-4;DEMO",
                "5;неверное число столбцов: 6 вместо 13;" + p + "-5;DEMO",
                "6;номер уже есть в системе или повторяется в файле;" + p + "-1;DEMO",
                "7;исполнитель «alt-executor» не найден в организации;" + p + "-6;DEMO");
        assertThat(lines).anyMatch(l -> l.startsWith("8;срок 2031-03-15 вне производственного календаря"));
        assertThat(lines).anyMatch(l -> l.startsWith("9;неверная кодировка строки"));

        Long open = jdbc.queryForObject("SELECT id FROM document WHERE legacy AND registration_number = ?", Long.class, p + "-2");
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(open.toString())
                .taskDefinitionKey("Task_ExecuteAssignment").singleResult();
        assertThat(task.getAssignee()).isEqualTo("executor1");
        assertThat(task.getDueDate()).isEqualTo(Date.from(LocalDateTime.of(deadline, java.time.LocalTime.of(18, 0))
                .atZone(ZoneId.of("Europe/Moscow")).toInstant())); // the organizations' zone, not the server's
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(open.toString())
                .processDefinitionKey("incoming-document").singleResult().getTenantId()).isEqualTo("DEMO");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getTenantId()).isEqualTo("DEMO");
        Long closed = jdbc.queryForObject("SELECT id FROM document WHERE legacy AND registration_number = ?", Long.class, p + "-1");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(closed.toString()).count())
                .isZero();
        assertThat(jdbc.queryForObject("SELECT a.status FROM assignment a JOIN resolution r ON r.id = a.resolution_id "
                + "WHERE r.document_id = ?", String.class, closed)).isEqualTo("CLOSED");

        // The same file again creates nothing.
        LegacyImport.Result again = importer.run(csv, rejects, StandardCharsets.UTF_8, 3, progress -> { });
        assertThat(again.alreadyImported()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM document WHERE legacy AND registration_number LIKE ?", Long.class,
                p + "-%")).isEqualTo(2);
    }

    /**
     * The rows the import writes, column by column, as its own SQL wrote them before the cards,
     * resolutions and assignments moved to their modules' bulk writers: a refactoring of the import
     * that changes any of them fails here.
     */
    @Test
    void importedCardsResolutionsAndAssignmentsHaveTheirColumnsAsBefore() throws Exception {
        String p = "T5-" + UUID.randomUUID().toString().substring(0, 6);
        Path csv = write((HEADER
                + "DEMO;INCOMING;" + p + "-1;12.01.2024;Администрация района;О закрытом деле;;executor1;20.01.2024;19.01.2024;Исполнено;01-05;\n"
                + "DEMO;INCOMING;" + p + "-2;2024-02-01;Минфин;Об открытом поручении;Подготовить ответ;executor1;2026-12-15;;;;\n"
                + "DEMO;INCOMING;" + p + "-3;2024-02-02;Росстат;Без резолюции;;;;;Ознакомлен;02-01;\n")
                .getBytes(StandardCharsets.UTF_8));

        importer.run(csv, csv.resolveSibling(csv.getFileName() + ".rejects.csv"), StandardCharsets.UTF_8, 10, progress -> { });

        assertThat(jdbc.queryForList("""
                SELECT kind, status, registration_date::text AS date, correspondent, summary, execution_mark, file_reference,
                       closed_at IS NOT NULL AS closed, created_by, legacy, process_instance_id IS NOT NULL AS running,
                       organization_id = (SELECT id FROM organization WHERE code = 'DEMO') AS demo
                FROM document WHERE legacy AND registration_number LIKE ? ORDER BY registration_number""", p + "-%"))
                .map(Object::toString).containsExactly(
                        "{kind=INCOMING, status=CLOSED, date=2024-01-12, correspondent=Администрация района, summary=О закрытом деле, "
                                + "execution_mark=Исполнено, file_reference=01-05, closed=true, created_by=migration, legacy=true, "
                                + "running=false, demo=true}",
                        "{kind=INCOMING, status=ON_EXECUTION, date=2024-02-01, correspondent=Минфин, summary=Об открытом поручении, "
                                + "execution_mark=null, file_reference=null, closed=false, created_by=migration, legacy=true, "
                                + "running=true, demo=true}",
                        "{kind=INCOMING, status=CLOSED, date=2024-02-02, correspondent=Росстат, summary=Без резолюции, "
                                + "execution_mark=Ознакомлен, file_reference=02-01, closed=true, created_by=migration, legacy=true, "
                                + "running=false, demo=true}");
        assertThat(jdbc.queryForList("""
                SELECT r.status, r.text, r.responsible_executor, r.deadline::text AS deadline, r.on_control, r.drafted_by,
                       r.drafted_at IS NOT NULL AS drafted, r.approved_by, r.approved_at IS NOT NULL AS approved,
                       a.executor, a.responsible, a.due_date::text AS due, a.status AS assignment,
                       a.completed_at = '2024-01-19'::date::timestamptz AS completed_on_execution_day, a.completed_at IS NULL AS open
                FROM document d JOIN resolution r ON r.document_id = d.id JOIN assignment a ON a.resolution_id = r.id
                WHERE d.legacy AND d.registration_number LIKE ? ORDER BY d.registration_number""", p + "-%"))
                .map(Object::toString).containsExactly(
                        "{status=APPROVED, text=Исполнить, responsible_executor=executor1, deadline=2024-01-20, on_control=true, "
                                + "drafted_by=migration, drafted=true, approved_by=migration, approved=true, executor=executor1, "
                                + "responsible=true, due=2024-01-20, assignment=CLOSED, completed_on_execution_day=true, open=false}",
                        "{status=APPROVED, text=Подготовить ответ, responsible_executor=executor1, deadline=2026-12-15, on_control=true, "
                                + "drafted_by=migration, drafted=true, approved_by=migration, approved=true, executor=executor1, "
                                + "responsible=true, due=2026-12-15, assignment=OPEN, completed_on_execution_day=null, open=true}");

        // The open one goes on at the execution step with what its forms show and its steps read.
        long open = document(p + "-2");
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(Long.toString(open))
                .taskDefinitionKey("Task_ExecuteAssignment").singleResult();
        var variables = engine.getTaskService().getVariables(task.getId());
        assertThat(variables).containsEntry("documentId", open).containsEntry("registrationNumber", p + "-2")
                .containsEntry("summary", "Об открытом поручении").containsEntry("resolutionText", "Подготовить ответ")
                .containsEntry("responsibleExecutor", "executor1").containsEntry("executor", "executor1")
                .containsEntry("onControl", true).containsEntry("reportSubmitted", false).containsEntry("overdue", false)
                .containsEntry("resolutionAuthor", "migration")
                .containsEntry("deadlineText", "15.12.2026").containsEntry("responsibleExecutorName", organizations.displayName("executor1"))
                // Only the card and its folder values are passed to the consideration, not the import's organization.
                .doesNotContainKeys("deadline", "documentKind", "organizationCode")
                .containsEntry("resolutionId", jdbc.queryForObject("SELECT id FROM resolution WHERE document_id = ?", Long.class, open));
    }

    @Test
    void anInterruptedImportResumesWhereItStoppedAndCreatesNothingTwice() throws Exception {
        String p = "T2-" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 1; i <= 25; i++) {
            rows.append("DEMO;INCOMING;").append(p).append('-').append(i).append(";01.02.2024;Корреспондент;Документ ")
                    .append(i).append(";;;;;;;\n");
        }
        Path csv = write(rows.toString().getBytes(StandardCharsets.UTF_8));
        Path rejects = csv.resolveSibling(csv.getFileName() + ".rejects.csv");

        assertThatThrownBy(() -> importer.run(csv, rejects, StandardCharsets.UTF_8, 10, progress -> {
            if (progress.records() >= 10) {
                throw new IllegalStateException("stopped by the operator");
            }
        })).hasMessageContaining("stopped");
        assertThat(count(p)).isEqualTo(10);

        LegacyImport.Result resumed = importer.run(csv, rejects, StandardCharsets.UTF_8, 10, progress -> { });
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.imported()).isEqualTo(25);
        assertThat(count(p)).isEqualTo(25);
    }

    @Test
    void xlsxExportIsImportedStreamingWithItsDateCells() throws Exception {
        String p = "T3-" + UUID.randomUUID().toString().substring(0, 6);
        Path xlsx = Files.createDirectories(Path.of("target/import-tests")).resolve("cards-" + UUID.randomUUID() + ".xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = Files.newOutputStream(xlsx)) {
            var sheet = workbook.createSheet("Карточки");
            var header = sheet.createRow(0);
            for (int c = 0; c < LegacyImport.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(LegacyImport.COLUMNS.get(c));
            }
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            for (int i = 1; i <= 3; i++) {
                var row = sheet.createRow(i);
                row.createCell(0).setCellValue(i == 3 ? "NOPE" : "DEMO");
                row.createCell(1).setCellValue("INCOMING");
                row.createCell(2).setCellValue(p + "-" + i);
                row.createCell(3).setCellValue(LocalDate.of(2024, 5, 14));
                row.getCell(3).setCellStyle(dateStyle);
                row.createCell(4).setCellValue("Корреспондент");
                row.createCell(5).setCellValue("Документ из книги " + i);
            }
            workbook.write(out);
        }
        Path rejects = xlsx.resolveSibling(xlsx.getFileName() + ".rejects.csv");

        LegacyImport.Result result = importer.run(xlsx, rejects, StandardCharsets.UTF_8, 2, progress -> { });

        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT registration_date FROM document WHERE legacy AND registration_number = ?",
                LocalDate.class, p + "-1")).isEqualTo(LocalDate.of(2024, 5, 14));
        assertThat(Files.readAllLines(rejects, StandardCharsets.UTF_8))
                .contains("3;организация «NOPE» не подключена к МСЭД;" + p + "-3;NOPE");
    }

    @Test
    void filesNamedByTheExportGoIntoTheStoreOnceWithRejectsForMissingOnesAndATopUpLater() throws Exception {
        String p = "T4-" + UUID.randomUUID().toString().substring(0, 6);
        Path export = Files.createDirectories(Path.of("target/import-tests", p));
        Path scans = Files.createDirectories(export.resolve("scans"));
        byte[] letter = ("Письмо " + p).getBytes(StandardCharsets.UTF_8);
        byte[] annex = ("Приложение " + p).getBytes(StandardCharsets.UTF_8);
        Files.write(scans.resolve("letter.pdf"), letter);
        Files.write(scans.resolve("annex.docx"), annex);
        Path csv = export.resolve("cards.csv");
        Files.writeString(csv, HEADER
                + "DEMO;INCOMING;" + p + "-1;01.02.2024;X;Два файла;;;;;;;scans/letter.pdf | scans/annex.docx\n"
                + "DEMO;INCOMING;" + p + "-2;01.02.2024;X;Файла нет;;;;;;;scans/lost.pdf\n"
                + "DEMO;INCOMING;" + p + "-3;01.02.2024;X;Тот же файл;;;;;;;scans/letter.pdf\n");
        Path rejects = export.resolve("rejects.csv");

        LegacyImport.Result result = importer.run(csv, rejects, StandardCharsets.UTF_8, 2, progress -> { });

        assertThat(result.imported()).isEqualTo(3);
        assertThat(result.rejected()).isZero();
        assertThat(result.files()).isEqualTo(3);
        assertThat(result.filesRejected()).isEqualTo(1);
        assertThat(Files.readAllLines(rejects, StandardCharsets.UTF_8))
                .anyMatch(l -> l.startsWith("2;файл «scans/lost.pdf» не найден") && l.endsWith(";" + p + "-2;DEMO"));
        List<AttachmentInfo> two = attachments.list(document(p + "-1"));
        assertThat(two).extracting(AttachmentInfo::fileName).containsExactly("letter.pdf", "annex.docx");
        assertThat(two.get(0).contentType()).isEqualTo("application/pdf");
        assertThat(attachments.download(document(p + "-1"), two.get(1).id()).content()).isEqualTo(annex);
        assertThat(attachments.list(document(p + "-2"))).isEmpty();
        AttachmentInfo same = attachments.list(document(p + "-3")).get(0);
        assertThat(same.sha256()).isEqualTo(two.get(0).sha256());
        assertThat(attachments.download(document(p + "-3"), same.id()).content()).isEqualTo(letter);

        // The missing scan is found later: the same row imported again adds only the file its card lacks.
        Files.write(scans.resolve("lost.pdf"), letter);
        Path again = export.resolve("cards-again.csv");
        Files.writeString(again, HEADER
                + "DEMO;INCOMING;" + p + "-1;01.02.2024;X;Два файла;;;;;;;scans/letter.pdf | scans/annex.docx\n"
                + "DEMO;INCOMING;" + p + "-2;01.02.2024;X;Файла нет;;;;;;;scans/lost.pdf\n");
        LegacyImport.Result topUp = importer.run(again, export.resolve("rejects-again.csv"), StandardCharsets.UTF_8, 10, progress -> { });

        assertThat(topUp.imported()).isZero();
        assertThat(attachments.list(document(p + "-2"))).extracting(AttachmentInfo::fileName).containsExactly("lost.pdf");
        assertThat(attachments.list(document(p + "-1"))).hasSize(2);
        assertThat(importer.run(again, export.resolve("rejects-again.csv"), StandardCharsets.UTF_8, 10, progress -> { })
                .alreadyImported()).isTrue();
        assertThat(attachments.list(document(p + "-2"))).hasSize(1);
    }

    private long document(String number) {
        return jdbc.queryForObject("SELECT id FROM document WHERE legacy AND registration_number = ?", Long.class, number);
    }

    private long count(String prefix) {
        return jdbc.queryForObject("SELECT count(*) FROM document WHERE legacy AND registration_number LIKE ?", Long.class,
                prefix + "-%");
    }

    private static Path write(byte[] content) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/import-tests"));
        Path file = dir.resolve("cards-" + UUID.randomUUID() + ".csv");
        Files.write(file, content);
        return file;
    }
}
