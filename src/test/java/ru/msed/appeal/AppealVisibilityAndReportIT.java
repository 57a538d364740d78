package ru.msed.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.msed.appeal.CitizenAppealVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.SecondOrganization;
import ru.msed.document.AttachmentService;
import ru.msed.document.DocumentService;

/**
 * Personal data of appeals (152-FZ): the matrix of who reads an appeal's card, its appeal data, its files
 * and finds it in the search — the office and the people working on it; everybody else 404, each refusal
 * in the audit trail. And the appeals report for a period, JSON and Excel, counted on PostgreSQL.
 */
@MsedIntegrationTest
class AppealVisibilityAndReportIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DocumentService documents;
    @Autowired
    AttachmentService attachments;
    @Autowired
    SecondOrganization second;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void onlyTheOfficeAndThePeopleWorkingOnAnAppealSeeItAndEveryRefusalIsAudited() {
        second.ensure();
        ProcessInstance instance = registered("Захаров Захар Захарович", "STATEMENT", null);
        long id = driver.documentId(instance);
        driver.as("registrar", () -> attachments.add(id, "skan.pdf", "application/pdf",
                "%PDF-1.4".getBytes(StandardCharsets.UTF_8), "registrar"));
        driver.complete(driver.task(instance, "Task_ReviewAppeal"), "assistant", Map.of(REVIEW_DECISION, "consider"));
        driver.complete(driver.task(instance, "Task_DraftResolution"), "assistant",
                ProcessDriver.resolution("executor1", List.of(), true));
        driver.complete(driver.task(instance, "Task_ReviewResolution"), "manager", Map.of("managerDecision", "approve"));
        String number = documents.document(id).getRegistrationNumber();

        for (String user : List.of("registrar", "assistant", "manager", "controller", "executor1")) {
            assertThat(status(user, "/api/appeals/" + id)).as(user).isEqualTo(200);
            assertThat(status(user, "/api/documents/" + id)).as(user).isEqualTo(200);
            assertThat(status(user, "/api/documents/" + id + "/attachments")).as(user).isEqualTo(200);
        }
        JsonNode appeal = Http.as(port, "executor1").get().uri("/api/appeals/{id}", id).retrieve().body(JsonNode.class);
        assertThat(appeal.get("applicantName").asText()).isEqualTo("Захаров Захар Захарович");
        assertThat(search("registrar", number)).isNotEmpty();

        for (String user : List.of("executor2", "executor3", "admin", "alt-registrar", "alt-controller")) {
            assertThat(status(user, "/api/appeals/" + id)).as(user).isEqualTo(404);
            assertThat(status(user, "/api/documents/" + id)).as(user).isEqualTo(404);
            assertThat(status(user, "/api/documents/" + id + "/attachments")).as(user).isEqualTo(404);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'READ_REFUSED' AND object_id = ? "
                    + "AND actor = ?", Long.class, Long.toString(id), user)).as(user).isGreaterThanOrEqualTo(3);
        }
        assertThat(search("executor2", number)).isEmpty();
        assertThat(search("alt-registrar", number)).isEmpty();
        // The organization's administrator reads the refusals in the audit trail.
        JsonNode audit = Http.as(port, "admin").get().uri("/api/audit?from={f}&to={t}", LocalDate.now().minusDays(1),
                LocalDate.now().plusDays(1)).retrieve().body(JsonNode.class);
        assertThat(audit.toString()).contains("READ_REFUSED").contains("обращение гражданина");
    }

    @Test
    void theReportCountsAppealsByTopicKindFormResultTermsAndExecutorInJsonAndExcel() throws Exception {
        LocalDate today = LocalDate.now();
        JsonNode before = report("controller", today);

        ProcessInstance forwarded = registered("Ефимов Ефим", "COMPLAINT", "HEALTH");
        driver.complete(driver.task(forwarded, "Task_ReviewAppeal"), "assistant",
                Map.of(REVIEW_DECISION, "forward", FORWARD_TO, "CONSUMER"));
        ProcessInstance unanswered = registered("Жуков Жук", "STATEMENT", null);
        driver.complete(driver.task(unanswered, "Task_ReviewAppeal"), "assistant", Map.of(REVIEW_DECISION, "abusive"));
        driver.complete(driver.task(unanswered, "Task_DecideAbusiveAppeal"), "manager", Map.of(ABUSE_DECISION, "leave"));
        ProcessInstance late = registered("Зимин Зиновий", "STATEMENT", null);
        driver.complete(driver.task(late, "Task_ReviewAppeal"), "assistant", Map.of(REVIEW_DECISION, "consider"));
        driver.complete(driver.task(late, "Task_DraftResolution"), "assistant",
                ProcessDriver.resolution("executor1", List.of(), false));
        driver.complete(driver.task(late, "Task_ReviewResolution"), "manager", Map.of("managerDecision", "approve"));
        driver.complete(driver.taskOf(late, "Task_ExecuteAssignment", "executor1"), "executor1", Map.of("reportText", "Готово"));
        Job termPassed = engine.getManagementService().createJobQuery().processInstanceId(late.getId())
                .activityId("TimerEvent_TermPassed").singleResult();
        ClockUtil.setCurrentTime(termPassed.getDuedate());
        engine.getManagementService().executeJob(termPassed.getId());
        ClockUtil.reset();

        JsonNode after = report("controller", today);
        assertThat(delta(before, after, "/totals/registered")).isEqualTo(3);
        assertThat(delta(before, after, "/totals/closed")).isEqualTo(2);
        assertThat(delta(before, after, "/totals/open")).isEqualTo(1);
        assertThat(delta(before, after, "/totals/forwarded")).isEqualTo(1);
        assertThat(delta(before, after, "/totals/kept")).isEqualTo(1);
        assertThat(delta(before, after, "/totals/violated")).isEqualTo(1);
        assertThat(line(after, "byTopicSection", "0005") - line(before, "byTopicSection", "0005")).isEqualTo(3);
        assertThat(line(after, "byKind", "COMPLAINT") - line(before, "byKind", "COMPLAINT")).isEqualTo(1);
        assertThat(line(after, "byKind", "STATEMENT") - line(before, "byKind", "STATEMENT")).isEqualTo(2);
        assertThat(line(after, "byReceiptForm", "WRITTEN") - line(before, "byReceiptForm", "WRITTEN")).isEqualTo(3);
        assertThat(line(after, "byResult", "FORWARDED") - line(before, "byResult", "FORWARDED")).isEqualTo(1);
        assertThat(line(after, "byResult", "LEFT_UNANSWERED") - line(before, "byResult", "LEFT_UNANSWERED")).isEqualTo(1);
        assertThat(executor(after, "violated") - executor(before, "violated")).isEqualTo(1);
        assertThat(after.at("/byTopicSection").toString()).contains("Жилищно-коммунальная сфера");

        byte[] xlsx = Http.as(port, "manager").get().uri("/api/reports/appeals.xlsx?from={f}&to={t}", today, today)
                .retrieve().body(byte[].class);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var summary = workbook.getSheet(AppealReportWorkbook.SUMMARY);
            assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Зарегистрировано");
            assertThat((long) summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(after.at("/totals/registered").asLong());
            assertThat(workbook.getSheet("Исполнители").getRow(1).getCell(1).getStringCellValue()).isNotBlank();
        }
        assertThat(status("executor1", "/api/reports/appeals?from=" + today + "&to=" + today)).isEqualTo(403);
        assertThat(status("controller", "/api/reports/appeals?from=" + today + "&to=" + today.minusDays(1))).isEqualTo(400);
    }

    private ProcessInstance registered(String name, String kind, String complainedBody) {
        ProcessInstance instance = driver.as("registrar", () -> engine.getFormService().submitStartForm(
                engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID).latestVersion()
                        .withoutTenantId().singleResult().getId(),
                CitizenAppealProcessTest.start(name, "г. Демо, ул. Школьная, 7", null)));
        driver.complete(driver.task(instance, "Task_RegisterAppeal"), "registrar",
                CitizenAppealProcessTest.card(name, "г. Демо, ул. Школьная, 7", null, kind, complainedBody));
        return instance;
    }

    private int status(String user, String path) {
        return Http.as(port, user).get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
    }

    private JsonNode search(String user, String number) {
        return Http.as(port, user).get().uri("/api/documents?number={n}", number).retrieve().body(JsonNode.class);
    }

    private JsonNode report(String user, LocalDate day) {
        return Http.as(port, user).get().uri("/api/reports/appeals?from={f}&to={t}", day, day).retrieve().body(JsonNode.class);
    }

    private static long delta(JsonNode before, JsonNode after, String pointer) {
        return after.at(pointer).asLong() - before.at(pointer).asLong();
    }

    private static long line(JsonNode report, String breakdown, String code) {
        for (JsonNode line : report.get(breakdown)) {
            if (code.equals(line.path("code").asText(null))) {
                return line.get("count").asLong();
            }
        }
        return 0;
    }

    private static long executor(JsonNode report, String field) {
        for (JsonNode line : report.get("byExecutor")) {
            if (line.get("executor").asText().equals("executor1")) {
                return line.get(field).asLong();
            }
        }
        return 0;
    }
}
