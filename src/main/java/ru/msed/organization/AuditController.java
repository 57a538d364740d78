package ru.msed.organization;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.msed.audit.AuditEvent;
import ru.msed.audit.AuditTrail;
import ru.msed.web.CurrentUser;
import ru.msed.web.ForbiddenException;
import ru.msed.web.UserInputException;

/** The organization administrator reads and exports their own organization's audit trail. */
@RestController
class AuditController {

    private final AuditTrail audit;
    private final OrganizationService organizations;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditController(AuditTrail audit, OrganizationService organizations, CurrentUser currentUser, Clock clock) {
        this.audit = audit;
        this.organizations = organizations;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AuditEvent> events(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return read(from, to);
    }

    @GetMapping("/api/audit.csv")
    ResponseEntity<byte[]> export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        StringBuilder csv = new StringBuilder("\uFEFFвремя;кто;действие;объект;идентификатор;подробности;адрес\r\n");
        for (AuditEvent e : read(from, to)) {
            csv.append(e.getOccurredAt()).append(';').append(cell(e.getActor())).append(';').append(cell(e.getAction()))
                    .append(';').append(cell(e.getObjectType())).append(';').append(cell(e.getObjectId())).append(';')
                    .append(cell(e.getDetails())).append(';').append(cell(e.getRemoteAddress())).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("audit-" + from + "-" + to + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<AuditEvent> read(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new UserInputException("Начало периода позже его конца.");
        }
        String userId = currentUser.userId();
        Employee employee = organizations.findEmployee(userId)
                .filter(e -> organizations.holdsRole(e, Role.ORGANIZATION_ADMIN))
                .orElseThrow(() -> new ForbiddenException("Журнал аудита доступен администраторам организации."));
        ZoneId zone = clock.getZone(); // days of the organizations' time zone
        return audit.of(employee.getOrganizationId(), from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Semicolon-separated for Russian Excel; quotes and formula prefixes neutralised. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value.replace("\"", "\"\"").replace("\r", " ").replace("\n", " ");
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text + "\"";
    }
}
