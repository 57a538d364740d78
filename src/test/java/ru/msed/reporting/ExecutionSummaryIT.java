package ru.msed.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.organization.Department;
import ru.msed.organization.Organization;
import ru.msed.organization.OrganizationService;
import ru.msed.organization.OrganizationService.NewEmployee;
import ru.msed.organization.Role;

/** The execution report against a generated set of executions: totals match, the workbook opens. */
@MsedIntegrationTest
class ExecutionSummaryIT {

    @LocalServerPort
    int port;
    @Autowired
    ExecutionSummaryService summaries;
    @Autowired
    ExecutionSummaryWorkbook workbook;
    @Autowired
    OrganizationService organizations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;

    @Test
    void reportCountsMatchTheGeneratedExecutionsAndTheWorkbookReadsBack() throws Exception {
        Organization org = organizations.createOrganization("RPT", "Комитет отчётности", "Комитет");
        Department first = organizations.createDepartment(org, "Бюджетный отдел", "rpt-budget");
        Department second = organizations.createDepartment(org, "Отдел кадров", "rpt-hr");
        List<String> executors = List.of("rpt-a", "rpt-b", "rpt-c");
        organizations.createEmployee(first, new NewEmployee("rpt-a", "Алексеев", "Алексей", "Алексеевич", "Специалист", null),
                "x", List.of(Role.EXECUTOR));
        organizations.createEmployee(first, new NewEmployee("rpt-b", "Борисова", "Белла", null, "Специалист", null),
                "x", List.of(Role.EXECUTOR));
        organizations.createEmployee(second, new NewEmployee("rpt-c", "Васильев", "Виктор", "Петрович", "Инспектор", null),
                "x", List.of(Role.EXECUTOR));

        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusDays(30);
        LocalDate to = today.plusDays(30);
        Map<String, long[]> expected = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            String executor = executors.get(random.nextInt(executors.size()));
            LocalDate due = today.plusDays(random.nextInt(81) - 40); // some outside the period
            int state = random.nextInt(3); // 0 done before due, 1 done after due, 2 not done
            Instant completed = switch (state) {
                case 0 -> due.minusDays(random.nextInt(3)).atTime(12, 0).atZone(clock.getZone()).toInstant();
                case 1 -> due.plusDays(1 + random.nextInt(3)).atTime(12, 0).atZone(clock.getZone()).toInstant();
                default -> null;
            };
            insertAssignment(org.getId(), executor, due, completed);
            if (due.isBefore(from) || due.isAfter(to)) {
                continue;
            }
            int column = state == 0 ? 0 : state == 1 ? 1 : due.isBefore(today) ? 3 : 2;
            expected.computeIfAbsent(executor, e -> new long[4])[column]++;
        }

        ExecutionSummary summary = summaries.summarize(org.getId(), from, to);

        assertThat(summary.rows()).extracting(ExecutionSummary.Row::department)
                .containsExactly("Бюджетный отдел", "Бюджетный отдел", "Отдел кадров");
        long[] totals = new long[4];
        for (ExecutionSummary.Row row : summary.rows()) {
            long[] e = expected.get(row.executor());
            assertThat(new long[] {row.counts().onTime(), row.counts().late(), row.counts().open(), row.counts().overdue()})
                    .as(row.executor()).containsExactly(e);
            for (int c = 0; c < 4; c++) {
                totals[c] += e[c];
            }
        }
        assertThat(new long[] {summary.totals().onTime(), summary.totals().late(), summary.totals().open(),
            summary.totals().overdue()}).containsExactly(totals);

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook.write(summary)))) {
            Sheet sheet = read.getSheet(ExecutionSummaryWorkbook.SHEET);
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("В срок");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Алексеев А. А.");
            Row totalRow = sheet.getRow(3 + summary.rows().size());
            assertThat(totalRow.getCell(0).getStringCellValue()).isEqualTo("Итого");
            assertThat((long) totalRow.getCell(6).getNumericCellValue()).isEqualTo(summary.totals().total());
            assertThat((long) totalRow.getCell(5).getNumericCellValue()).isEqualTo(totals[3]);
        }
    }

    @Test
    void controllerDownloadsTheWorkbookAndOthersAreRefused() throws Exception {
        String period = "?from=" + LocalDate.now(clock).minusDays(30) + "&to=" + LocalDate.now(clock).plusDays(30);
        ResponseEntity<byte[]> excel = as("controller").get().uri("/api/reports/execution.xlsx" + period).retrieve()
                .toEntity(byte[].class);
        assertThat(excel.getStatusCode().value()).isEqualTo(200);
        assertThat(excel.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(excel.getBody()))) {
            assertThat(read.getSheetAt(0).getSheetName()).isEqualTo(ExecutionSummaryWorkbook.SHEET);
        }
        JsonNode json = as("manager").get().uri("/api/reports/execution" + period).retrieve().body(JsonNode.class);
        assertThat(json.get("totals").has("overdue")).isTrue();

        ResponseEntity<JsonNode> executor = as("executor1").get().uri("/api/reports/execution" + period).retrieve()
                .toEntity(JsonNode.class);
        assertThat(executor.getStatusCode().value()).isEqualTo(403);
        assertThat(executor.getBody().get("detail").asText()).contains("контролёрам");
        ResponseEntity<JsonNode> backwards = as("controller").get()
                .uri("/api/reports/execution?from=2026-05-01&to=2026-04-01").retrieve().toEntity(JsonNode.class);
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        assertThat(backwards.getBody().get("detail").asText()).contains("Начало периода позже");
    }

    private RestClient as(String user) {
        return Http.as(port, user);
    }

    private void insertAssignment(long organizationId, String executor, LocalDate due, Instant completed) {
        Long documentId = jdbc.queryForObject("""
                INSERT INTO document (organization_id, kind, status, created_by) VALUES (?, 'INCOMING', 'ON_EXECUTION', 'test')
                RETURNING id""", Long.class, organizationId);
        Long resolutionId = jdbc.queryForObject("""
                INSERT INTO resolution (document_id, status, text, responsible_executor, deadline, on_control, drafted_by, drafted_at)
                VALUES (?, 'APPROVED', 'Поручение', ?, ?, true, 'test', now()) RETURNING id""",
                Long.class, documentId, executor, due);
        jdbc.update("""
                INSERT INTO assignment (resolution_id, executor, responsible, due_date, status, completed_at)
                VALUES (?, ?, true, ?, ?, ?)""", resolutionId, executor, due, completed == null ? "OPEN" : "CLOSED",
                completed == null ? null : java.sql.Timestamp.from(completed));
    }
}
