package ru.msed.appeal;

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

/** The appeals report of the user's organization for controllers and managers: JSON and Excel. */
@RestController
class AppealReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AppealReportService reports;
    private final AppealReportWorkbook workbook;
    private final OrganizationService organizations;
    private final CurrentUser currentUser;

    AppealReportController(AppealReportService reports, AppealReportWorkbook workbook, OrganizationService organizations,
            CurrentUser currentUser) {
        this.reports = reports;
        this.workbook = workbook;
        this.organizations = organizations;
        this.currentUser = currentUser;
    }

    @GetMapping(path = "/api/reports/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
    AppealReport json(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.report(organization(), from, to);
    }

    @GetMapping("/api/reports/appeals.xlsx")
    ResponseEntity<byte[]> excel(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        AppealReport report = reports.report(organization(), from, to);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("appeals-" + from + "-" + to + ".xlsx").build().toString())
                .body(workbook.write(report));
    }

    private long organization() {
        Employee employee = organizations.findEmployee(currentUser.userId())
                .orElseThrow(() -> new ForbiddenException("Отчёт доступен только сотрудникам организации."));
        if (!organizations.holdsRole(employee, Role.CONTROLLER) && !organizations.holdsRole(employee, Role.MANAGER)) {
            throw new ForbiddenException("Отчёт по обращениям граждан доступен контролёрам и руководителям.");
        }
        return employee.getOrganizationId();
    }
}
