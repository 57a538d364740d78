package ru.msed.control;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.msed.execution.LateAssignments;
import ru.msed.execution.LateAssignments.Late;
import ru.msed.organization.Employee;
import ru.msed.organization.OrganizationService;
import ru.msed.organization.Role;
import ru.msed.web.CurrentUser;
import ru.msed.web.ForbiddenException;

/**
 * {@code GET /api/control/overdue}: the controllers' list behind the Cockpit page «Контроль
 * исполнения» — overdue and late-closed assignments of the caller's own organization (there is no
 * parameter to name another), executors by name, links to the card and to the running instance.
 */
@RestController
class ControlController {

    static final String COCKPIT_INSTANCE = "/camunda/app/cockpit/default/#/process-instance/%s/runtime";

    record Board(String organization, LocalDate today, String timeZone, List<Row> overdue, List<Row> closedLate,
            int closedLateDays, String reportUrl) {
    }

    record Row(long documentId, String registrationNumber, String summary, String executorName, boolean responsible,
            LocalDate dueDate, Instant completedAt, long daysLate, List<ExtensionRow> extensions, String cardUrl,
            String instanceUrl) {
    }

    record ExtensionRow(String requestedByName, LocalDate currentDeadline, LocalDate requestedDeadline, Instant requestedAt,
            String decision) {
    }

    private final LateAssignments late;
    private final OrganizationService organizations;
    private final CurrentUser currentUser;
    private final RuntimeService runtime;
    private final Clock clock;

    ControlController(LateAssignments late, OrganizationService organizations, CurrentUser currentUser,
            RuntimeService runtime, Clock clock) {
        this.late = late;
        this.organizations = organizations;
        this.currentUser = currentUser;
        this.runtime = runtime;
        this.clock = clock;
    }

    @GetMapping(path = "/api/control/overdue", produces = MediaType.APPLICATION_JSON_VALUE)
    Board overdue() {
        Employee employee = organizations.findEmployee(currentUser.userId())
                .orElseThrow(() -> new ForbiddenException("Контроль исполнения доступен сотрудникам организации."));
        if (!organizations.holdsRole(employee, Role.CONTROLLER) && !organizations.holdsRole(employee, Role.MANAGER)) {
            throw new ForbiddenException("Контроль исполнения доступен контролёрам и руководителям.");
        }
        long organizationId = employee.getOrganizationId();
        List<Late> overdue = late.overdue(organizationId);
        List<Late> closedLate = late.closedLate(organizationId);
        Set<String> people = Stream.concat(overdue.stream(), closedLate.stream())
                .flatMap(l -> Stream.concat(Stream.of(l.executor()), l.extensions().stream().map(e -> e.requestedBy())))
                .collect(Collectors.toSet());
        Map<String, String> names = organizations.displayNames(people);
        Set<String> running = running(Stream.concat(overdue.stream(), closedLate.stream()).map(Late::processInstanceId));
        LocalDate today = LocalDate.now(clock);
        return new Board(organizations.organization(organizationId).getShortName(), today, clock.getZone().getId(),
                overdue.stream().map(l -> row(l, names, running)).toList(),
                closedLate.stream().map(l -> row(l, names, running)).toList(), LateAssignments.CLOSED_LATE_DAYS,
                "/api/reports/execution.xlsx?from=" + today.minusDays(LateAssignments.CLOSED_LATE_DAYS) + "&to=" + today);
    }

    /** Which of the instances still run (as the caller sees them): only those have a Cockpit page in the Community Edition. */
    private Set<String> running(Stream<String> instanceIds) {
        Set<String> ids = instanceIds.filter(id -> id != null).collect(Collectors.toCollection(HashSet::new));
        if (ids.isEmpty()) {
            return Set.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
    }

    private static Row row(Late l, Map<String, String> names, Set<String> running) {
        return new Row(l.documentId(), l.registrationNumber(), l.summary(), names.get(l.executor()), l.responsible(),
                l.dueDate(), l.completedAt(), l.daysLate(),
                l.extensions().stream().map(e -> new ExtensionRow(names.get(e.requestedBy()), e.currentDeadline(),
                        e.requestedDeadline(), e.requestedAt(), e.decision() == null ? "на рассмотрении"
                                : "APPROVED".equals(e.decision()) ? "перенесён" : "отказано")).toList(),
                "/card.html?id=" + l.documentId(),
                running.contains(l.processInstanceId()) ? COCKPIT_INSTANCE.formatted(l.processInstanceId()) : null);
    }
}
