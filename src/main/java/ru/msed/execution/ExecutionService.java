package ru.msed.execution;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentService;
import ru.msed.document.DocumentStatus;
import ru.msed.web.UserInputException;

/** Assignments of approved resolutions, executors' reports and the controller's decisions. */
@Service
public class ExecutionService {

    private static final int TEXT_MAX = 4000;

    private final AssignmentRepository assignments;
    private final ExecutionReportRepository reports;
    private final DocumentService documents;
    private final Clock clock;

    ExecutionService(AssignmentRepository assignments, ExecutionReportRepository reports, DocumentService documents,
            Clock clock) {
        this.assignments = assignments;
        this.reports = reports;
        this.documents = documents;
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

    @Transactional(readOnly = true)
    public List<Assignment> assignmentsOf(long resolutionId) {
        return assignments.findByResolutionIdOrderById(resolutionId);
    }

    @Transactional(readOnly = true)
    public List<ExecutionReport> reportsOf(List<Assignment> of) {
        return reports.findByAssignmentIdInOrderById(of.stream().map(Assignment::getId).toList());
    }
}
