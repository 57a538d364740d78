package ru.msed.reporting;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.msed.organization.Employee;
import ru.msed.organization.OrganizationService;
import ru.msed.organization.Role;
import ru.msed.web.CurrentUser;
import ru.msed.web.ForbiddenException;

/** Execution report of the user's organization for controllers and managers: JSON and Excel. */
@RestController
class ExecutionSummaryController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ExecutionSummaryService summaries;
    private final ExecutionSummaryWorkbook workbook;
    private final OrganizationService organizations;
    private final CurrentUser currentUser;

    ExecutionSummaryController(ExecutionSummaryService summaries, ExecutionSummaryWorkbook workbook,
            OrganizationService organizations, CurrentUser currentUser) {
        this.summaries = summaries;
        this.workbook = workbook;
        this.organizations = organizations;
        this.currentUser = currentUser;
    }

    @GetMapping(path = "/api/reports/execution", produces = MediaType.APPLICATION_JSON_VALUE)
    ExecutionSummary json(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return summaries.summarize(controllersOrganization(), from, to);
    }

    @GetMapping("/api/reports/execution.xlsx")
    ResponseEntity<byte[]> excel(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ExecutionSummary summary = summaries.summarize(controllersOrganization(), from, to);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("execution-" + from + "-" + to + ".xlsx").build().toString())
                .body(workbook.write(summary));
    }

    private long controllersOrganization() {
        String userId = currentUser.userId();
        Employee employee = organizations.findEmployee(userId)
                .orElseThrow(() -> new ForbiddenException("Отчёт доступен только сотрудникам организации."));
        if (!organizations.holdsRole(employee, Role.CONTROLLER) && !organizations.holdsRole(employee, Role.MANAGER)) {
            throw new ForbiddenException("Отчёт об исполнении доступен контролёрам и руководителям.");
        }
        return employee.getOrganizationId();
    }
}
