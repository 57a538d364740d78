package ru.msed.execution;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.calendar.RussianDates;
import ru.msed.calendar.WorkingDays;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentService;
import ru.msed.document.DocumentStatus;
import ru.msed.organization.OrganizationService;
import ru.msed.web.NotFoundException;
import ru.msed.web.UserInputException;

/** Assignments of approved resolutions, executors' reports and the controller's decisions. */
@Service
public class ExecutionService {

    private static final int TEXT_MAX = 4000;

    private final AssignmentRepository assignments;
    private final ExecutionReportRepository reports;
    private final ExtensionRequestRepository extensions;
    private final DocumentService documents;
    private final WorkingDays workingDays;
    private final OrganizationService organizations;
    private final Clock clock;

    ExecutionService(AssignmentRepository assignments, ExecutionReportRepository reports,
            ExtensionRequestRepository extensions, DocumentService documents, WorkingDays workingDays,
            OrganizationService organizations, Clock clock) {
        this.organizations = organizations;
        this.assignments = assignments;
        this.reports = reports;
        this.extensions = extensions;
        this.documents = documents;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    @Transactional
    public List<Assignment> openAssignments(long resolutionId, String responsible, List<String> coExecutors,
            LocalDate deadline) {
        assignments.save(new Assignment(resolutionId, responsible, true, deadline));
        coExecutors.forEach(coExecutor -> assignments.save(new Assignment(resolutionId, coExecutor, false, deadline)));
        return assignments.findByResolutionIdOrderById(resolutionId);
    }

    /**
     * Stores an executor's text: the responsible executor's report (which ends the co-executors'
     * part) or a co-executor's contribution. Returns whether it was the responsible executor's report.
     */
    @Transactional
    public boolean submit(long resolutionId, long documentId, String executor, String text) {
        if (text == null || text.isBlank()) {
            throw new UserInputException("Напишите текст отчёта об исполнении.");
        }
        if (text.length() > TEXT_MAX) {
            throw new UserInputException("Отчёт длиннее " + TEXT_MAX + " символов.");
        }
        Assignment assignment = assignments.findByResolutionIdAndExecutor(resolutionId, executor)
                .orElseThrow(() -> new UserInputException("У сотрудника «" + executor + "» нет поручения по этой резолюции."));
        Instant now = Instant.now(clock);
        ReportKind kind = assignment.isResponsible() ? ReportKind.REPORT : ReportKind.CONTRIBUTION;
        reports.save(new ExecutionReport(assignment.getId(), kind, executor, text.strip(), now));
        if (assignment.isResponsible()) {
            assignment.reported(now);
            assignments.findByResolutionIdOrderById(resolutionId).stream()
                    .filter(other -> !other.isResponsible())
                    .forEach(other -> other.close(now));
        } else {
            assignment.close(now);
        }
        documents.moveTo(documentId, DocumentStatus.ON_EXECUTION, executor,
                kind == ReportKind.REPORT ? DocumentAction.REPORT_SUBMITTED : DocumentAction.CONTRIBUTION_SUBMITTED,
                text.strip());
        return assignment.isResponsible();
    }

    /** Records the controller's decision on the responsible executor's latest report. */
    @Transactional
    public void decide(long resolutionId, long documentId, ControlDecision decision, String comment, String controller) {
        if (decision == null) {
            throw new UserInputException("Выберите решение: принять отчёт или вернуть на доработку.");
        }
        if (decision == ControlDecision.RETURNED && (comment == null || comment.isBlank())) {
            throw new UserInputException("Укажите, что нужно доработать: исполнитель увидит этот комментарий.");
        }
        Assignment responsible = assignments.findByResolutionIdOrderById(resolutionId).stream()
                .filter(Assignment::isResponsible)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Resolution " + resolutionId + " has no responsible executor"));
        ExecutionReport report = reports.findFirstByAssignmentIdAndKindOrderByIdDesc(responsible.getId(), ReportKind.REPORT)
                .orElseThrow(() -> new UserInputException("Ответственный исполнитель ещё не представил отчёт."));
        Instant now = Instant.now(clock);
        String cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
        report.decide(decision, cleanComment, controller, now);
        if (decision == ControlDecision.ACCEPTED) {
            responsible.close(now);
            documents.moveTo(documentId, DocumentStatus.EXECUTED, controller, DocumentAction.REPORT_ACCEPTED, cleanComment);
        } else {
            responsible.reopen();
            documents.moveTo(documentId, DocumentStatus.ON_EXECUTION, controller, DocumentAction.REPORT_RETURNED, cleanComment);
        }
    }

    /** The deadline passed with assignments still open: they are marked overdue, for reports and history. */
    @Transactional
    public List<String> markOverdue(long resolutionId, long documentId) {
        List<String> late = new java.util.ArrayList<>();
        for (Assignment assignment : assignments.findByResolutionIdOrderById(resolutionId)) {
            if (assignment.isOpen()) {
                assignment.markOverdue();
                late.add(assignment.getExecutor());
            }
        }
        documents.moveTo(documentId, DocumentStatus.ON_EXECUTION, "system", DocumentAction.OVERDUE,
                "Не исполнили в срок: " + String.join(", ", organizations.displayNames(late).values().stream().sorted().toList()));
        return late;
    }

    /** Validates and records an executor's request to move the deadline. */
    @Transactional
    public ExtensionRequest requestExtension(long resolutionId, long documentId, String executor, String reason,
            LocalDate requestedDeadline) {
        Assignment assignment = assignments.findByResolutionIdAndExecutor(resolutionId, executor)
                .orElseThrow(() -> new UserInputException("У сотрудника «" + executor + "» нет поручения по этой резолюции."));
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add("Укажите причину переноса срока.");
        }
        if (requestedDeadline == null) {
            problems.add("Укажите новый срок.");
        } else if (!requestedDeadline.isAfter(assignment.getDueDate())) {
            problems.add("Новый срок должен быть позже действующего (" + RussianDates.format(assignment.getDueDate()) + ").");
        } else if (!workingDays.isWorkingDay(requestedDeadline)) {
            problems.add("Новый срок приходится на нерабочий день; ближайший рабочий день раньше: "
                    + RussianDates.format(workingDays.onOrBefore(requestedDeadline)) + ".");
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
        ExtensionRequest request = extensions.save(new ExtensionRequest(resolutionId, executor, reason.strip(),
                assignment.getDueDate(), requestedDeadline, Instant.now(clock)));
        documents.moveTo(documentId, DocumentStatus.ON_EXECUTION, executor, DocumentAction.EXTENSION_REQUESTED,
                "С " + RussianDates.format(assignment.getDueDate()) + " на " + RussianDates.format(requestedDeadline) + ". "
                        + reason.strip());
        return request;
    }

    /** The resolution author's decision; on approval every assignment of the resolution gets the new date. */
    @Transactional
    public ExtensionRequest decideExtension(long requestId, long documentId, ExtensionDecision decision, String comment,
            String actor) {
        if (decision == null) {
            throw new UserInputException("Выберите решение: перенести срок или отказать.");
        }
        boolean approved = decision == ExtensionDecision.APPROVE;
        if (!approved && (comment == null || comment.isBlank())) {
            throw new UserInputException("Укажите причину отказа в переносе срока.");
        }
        ExtensionRequest request = extensions.findById(requestId)
                .orElseThrow(() -> new IllegalStateException("No extension request " + requestId));
        String clean = comment == null || comment.isBlank() ? null : comment.strip();
        request.decide(approved, actor, clean, Instant.now(clock));
        if (approved) {
            moveDueDates(request.getResolutionId(), request.getRequestedDeadline());
            documents.moveTo(documentId, DocumentStatus.ON_EXECUTION, actor, DocumentAction.EXTENSION_APPROVED,
                    "Срок перенесён с " + RussianDates.format(request.getCurrentDeadline()) + " на "
                            + RussianDates.format(request.getRequestedDeadline())
                            + (clean == null ? "" : ". " + clean));
        } else {
            documents.moveTo(documentId, DocumentStatus.ON_EXECUTION, actor, DocumentAction.EXTENSION_REJECTED,
                    "Срок остаётся " + RussianDates.format(request.getCurrentDeadline()) + ". " + clean);
        }
        return request;
    }

    /** Every assignment of the resolution gets the resolution's new deadline (after an approved extension). */
    @Transactional
    public void moveDueDates(long resolutionId, LocalDate deadline) {
        assignments.findByResolutionIdOrderById(resolutionId).forEach(assignment -> assignment.moveDueDate(deadline));
    }

    @Transactional(readOnly = true)
    public ExtensionRequest extensionRequest(long requestId) {
        return extensions.findById(requestId).orElseThrow(() -> new NotFoundException("Запрос переноса срока не найден."));
    }

    @Transactional(readOnly = true)
    public List<ExtensionRequest> extensionsOf(long resolutionId) {
        return extensions.findByResolutionIdOrderById(resolutionId);
    }

    @Transactional(readOnly = true)
    public List<Assignment> assignmentsOf(long resolutionId) {
        return assignments.findByResolutionIdOrderById(resolutionId);
    }

    @Transactional(readOnly = true)
    public List<ExecutionReport> reportsOf(List<Assignment> of) {
        return reports.findByAssignmentIdInOrderById(of.stream().map(Assignment::getId).toList());
    }
}
