package ru.msed.consideration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.msed.calendar.RussianDates;
import ru.msed.execution.Assignment;
import ru.msed.execution.ExecutionReport;
import ru.msed.execution.ExecutionService;
import ru.msed.execution.ReportKind;
import ru.msed.organization.OrganizationService;

/**
 * What the co-executors have contributed so far, as the responsible executor reads it in the report
 * form: «**Соколова Е. В.**, 30.11.2026: …», or who is still to contribute. Null when the resolution
 * has no co-executors.
 */
@Component
class ContributionsText {

    private final ExecutionService executions;
    private final OrganizationService organizations;
    private final Clock clock;

    ContributionsText(ExecutionService executions, OrganizationService organizations, Clock clock) {
        this.executions = executions;
        this.organizations = organizations;
        this.clock = clock;
    }

    String of(long resolutionId) {
        List<Assignment> assignments = executions.assignmentsOf(resolutionId);
        List<String> coExecutors = assignments.stream().filter(a -> !a.isResponsible()).map(Assignment::getExecutor).toList();
        if (coExecutors.isEmpty()) {
            return null;
        }
        Map<String, String> names = organizations.displayNames(coExecutors);
        List<String> parts = new ArrayList<>();
        List<String> waiting = new ArrayList<>(coExecutors);
        for (ExecutionReport report : executions.reportsOf(assignments)) {
            if (report.getKind() == ReportKind.CONTRIBUTION) {
                parts.add("**" + names.get(report.getAuthor()) + "**, "
                        + RussianDates.format(Date.from(report.getSubmittedAt()), clock.getZone()) + ": " + report.getText());
                waiting.remove(report.getAuthor());
            }
        }
        if (!waiting.isEmpty()) {
            parts.add("Ещё не представили информацию: " + String.join(", ", waiting.stream().map(names::get).toList()) + ".");
        }
        return String.join("\n\n", parts);
    }
}
