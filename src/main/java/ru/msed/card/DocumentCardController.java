package ru.msed.card;

import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.msed.card.DocumentCard.AssignmentView;
import ru.msed.card.DocumentCard.HistoryEntry;
import ru.msed.card.DocumentCard.ReportView;
import ru.msed.card.DocumentCard.ResolutionView;
import ru.msed.document.AttachmentService;
import ru.msed.document.Document;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentHistory;
import ru.msed.document.DocumentService;
import ru.msed.execution.Assignment;
import ru.msed.execution.ExecutionReport;
import ru.msed.execution.ExecutionService;
import ru.msed.resolution.Resolution;
import ru.msed.resolution.ResolutionService;
import ru.msed.document.CardVisibility;
import ru.msed.security.CurrentUser;

/** {@code GET /api/documents/{id}}: the whole card with its history, for the user's own organization. */
@RestController
@RequestMapping("/api/documents")
class DocumentCardController {

    private final DocumentService documents;
    private final ResolutionService resolutions;
    private final ExecutionService executions;
    private final AttachmentService attachments;
    private final DocumentHistory history;
    private final CurrentUser currentUser;
    private final CardVisibility visibility;

    DocumentCardController(DocumentService documents, ResolutionService resolutions, ExecutionService executions,
            AttachmentService attachments, DocumentHistory history, CurrentUser currentUser, CardVisibility visibility) {
        this.visibility = visibility;
        this.documents = documents;
        this.resolutions = resolutions;
        this.executions = executions;
        this.attachments = attachments;
        this.history = history;
        this.currentUser = currentUser;
    }

    @GetMapping("/{documentId}")
    @Transactional(readOnly = true)
    public DocumentCard card(@PathVariable long documentId) {
        Document d = documents.document(documentId);
        visibility.require(d);
        return new DocumentCard(d.getId(), d.getKind().name(), d.getStatus().name(), d.getRegistrationNumber(),
                d.getRegistrationDate(), d.getReceivedDate(), d.getCorrespondent(), d.getCorrespondentNumber(),
                d.getCorrespondentDate(), d.getSignatory(), d.getAddressee(), d.getSummary(),
                d.getDeliveryMethod() == null ? null : d.getDeliveryMethod().name(), d.getSheetCount(),
                d.getAccessLevel() == null ? null : d.getAccessLevel().name(), d.getTopic(), d.getExecutionMark(),
                d.getFileReference(), d.getClosedAt(), d.getProcessInstanceId(),
                resolutions.ofDocument(documentId).stream().map(this::view).toList(),
                attachments.list(documentId),
                history.of(documentId).stream()
                        .map(e -> new HistoryEntry(e.getOccurredAt(), e.getActor(), e.getAction(),
                                DocumentAction.valueOf(e.getAction()).label(), e.getDetails()))
                        .toList());
    }

    private ResolutionView view(Resolution r) {
        List<Assignment> assignments = executions.assignmentsOf(r.getId());
        List<ExecutionReport> reports = executions.reportsOf(assignments);
        return new ResolutionView(r.getId(), r.getStatus().name(), r.getText(), r.getResponsibleExecutor(),
                r.getCoExecutors(), r.getDeadline(), r.isOnControl(), r.getDraftedBy(), r.getDraftedAt(),
                r.getApprovedBy(), r.getApprovedAt(), r.getManagerComment(),
                assignments.stream().map(a -> new AssignmentView(a.getId(), a.getExecutor(), a.isResponsible(),
                        a.getDueDate(), a.getStatus().name(), a.getCompletedAt(),
                        reports.stream().filter(rep -> rep.getAssignmentId().equals(a.getId()))
                                .map(rep -> new ReportView(rep.getId(), rep.getKind().name(), rep.getAuthor(),
                                        rep.getText(), rep.getSubmittedAt(),
                                        rep.getDecision() == null ? null : rep.getDecision().name(), rep.getDecidedBy(),
                                        rep.getDecidedAt(), rep.getControllerComment()))
                                .toList()))
                        .toList());
    }
}
