package ru.msed.card;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.msed.approval.ApprovalService;
import ru.msed.approval.Visa;
import ru.msed.audit.AuditEvent;
import ru.msed.card.DocumentCard.AssignmentView;
import ru.msed.card.DocumentCard.AttachmentView;
import ru.msed.card.DocumentCard.ExtensionView;
import ru.msed.card.DocumentCard.HistoryEntry;
import ru.msed.card.DocumentCard.ReportView;
import ru.msed.card.DocumentCard.ResolutionView;
import ru.msed.card.DocumentCard.SignatureView;
import ru.msed.card.DocumentCard.VisaView;
import ru.msed.document.AttachmentInfo;
import ru.msed.document.AttachmentService;
import ru.msed.document.CardVisibility;
import ru.msed.document.Document;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentHistory;
import ru.msed.document.DocumentService;
import ru.msed.execution.Assignment;
import ru.msed.execution.ExecutionReport;
import ru.msed.execution.ExecutionService;
import ru.msed.execution.ExtensionRequest;
import ru.msed.organization.OrganizationService;
import ru.msed.resolution.Resolution;
import ru.msed.resolution.ResolutionService;
import ru.msed.signature.DocumentSignature;
import ru.msed.signature.SignatureService;
import ru.msed.signature.SignatureVerdict;

/** {@code GET /api/documents/{id}}: the whole card with its history, for those who may see it ({@link CardVisibility}). */
@RestController
@RequestMapping("/api/documents")
class DocumentCardController {

    private final DocumentService documents;
    private final ResolutionService resolutions;
    private final ExecutionService executions;
    private final AttachmentService attachments;
    private final ApprovalService approvals;
    private final SignatureService signatures;
    private final DocumentHistory history;
    private final OrganizationService organizations;
    private final CardVisibility visibility;
    private final Clock clock;
    private final ru.msed.exchange.ExchangeTimeline exchange;

    DocumentCardController(DocumentService documents, ResolutionService resolutions, ExecutionService executions,
            AttachmentService attachments, ApprovalService approvals, SignatureService signatures, DocumentHistory history,
            OrganizationService organizations, CardVisibility visibility, Clock clock, ru.msed.exchange.ExchangeTimeline exchange) {
        this.exchange = exchange;
        this.documents = documents;
        this.resolutions = resolutions;
        this.executions = executions;
        this.attachments = attachments;
        this.approvals = approvals;
        this.signatures = signatures;
        this.history = history;
        this.organizations = organizations;
        this.visibility = visibility;
        this.clock = clock;
    }

    /** Everything read first, then every person named in one look-up. */
    private record Parts(Document document, List<ResolutionParts> resolutions, List<AttachmentInfo> files,
            List<Visa> visas, List<DocumentSignature> signatures, List<AuditEvent> history) {
    }

    private record ResolutionParts(Resolution resolution, List<Assignment> assignments, List<ExecutionReport> reports,
            List<ExtensionRequest> extensions) {
    }

    @GetMapping("/{documentId}")
    @Transactional(readOnly = true)
    public DocumentCard card(@PathVariable long documentId) {
        Document d = documents.document(documentId);
        visibility.require(d);
        List<ResolutionParts> resolutionParts = new ArrayList<>();
        for (Resolution r : resolutions.ofDocument(documentId)) {
            List<Assignment> assignments = executions.assignmentsOf(r.getId());
            resolutionParts.add(new ResolutionParts(r, assignments, executions.reportsOf(assignments),
                    executions.extensionsOf(r.getId())));
        }
        Parts parts = new Parts(d, resolutionParts, attachments.list(documentId), approvals.visas(documentId),
                signatures.of(documentId), history.of(documentId));
        Map<String, String> names = organizations.displayNames(people(parts));
        return new DocumentCard(d.getId(), d.getKind().name(), CardLabels.of(CardLabels.KIND, d.getKind().name()),
                d.getStatus().name(), CardLabels.of(CardLabels.STATUS, d.getStatus().name()), d.getRegistrationNumber(),
                d.getRegistrationDate(), d.getReceivedDate(), d.getCorrespondent(), d.getCorrespondentNumber(),
                d.getCorrespondentDate(), d.getSignatory(), d.getAddressee(), d.getAddressees(), d.getSignatoryUser(),
                names.get(d.getSignatoryUser()), d.getSummary(), name(d.getDeliveryMethod()),
                CardLabels.of(CardLabels.DELIVERY, name(d.getDeliveryMethod())), d.getSheetCount(), name(d.getAccessLevel()),
                CardLabels.of(CardLabels.ACCESS, name(d.getAccessLevel())), d.getTopic(),
                CardLabels.of(CardLabels.TOPIC, d.getTopic()), d.getExecutionMark(), d.getFileReference(), d.getClosedAt(),
                d.getCreatedBy(), names.get(d.getCreatedBy()), d.getCreatedAt(), d.getProcessInstanceId(),
                clock.getZone().getId(),
                resolutionParts.stream().map(r -> view(r, names)).toList(),
                parts.files().stream().map(f -> new AttachmentView(f.id(), f.fileName(), f.contentType(), f.sizeBytes(),
                        f.sha256(), f.uploadedBy(), names.get(f.uploadedBy()), f.uploadedAt())).toList(),
                parts.visas().stream().map(v -> new VisaView(v.getRound(), v.getApprover(), names.get(v.getApprover()),
                        v.getDecision(), CardLabels.of(CardLabels.VISA, v.getDecision()), v.getComment(), v.getDecidedAt(),
                        v.getFileSha256())).toList(),
                parts.signatures().stream().map(s -> new SignatureView(s.getKind(), signatureLabel(s.getKind()), s.getSigner(),
                        names.get(s.getSigner()), s.getSignedAt(), s.getCertificateSerial(), s.getCertificateOwner(),
                        s.getValidFrom(), s.getValidTo(), s.getFileSha256())).toList(),
                parts.history().stream().map(e -> new HistoryEntry(e.getOccurredAt(), e.getActor(), names.get(e.getActor()),
                        e.getAction(), DocumentAction.valueOf(e.getAction()).label(), e.getDetails())).toList(),
                exchange.of(documentId));
    }

    private static Set<String> people(Parts parts) {
        Set<String> ids = new HashSet<>();
        ids.add(parts.document().getCreatedBy());
        ids.add(parts.document().getSignatoryUser());
        for (ResolutionParts r : parts.resolutions()) {
            ids.addAll(r.resolution().executors());
            ids.add(r.resolution().getDraftedBy());
            ids.add(r.resolution().getApprovedBy());
            r.reports().forEach(report -> {
                ids.add(report.getAuthor());
                ids.add(report.getDecidedBy());
            });
            r.extensions().forEach(e -> {
                ids.add(e.getRequestedBy());
                ids.add(e.getDecidedBy());
            });
        }
        parts.files().forEach(f -> ids.add(f.uploadedBy()));
        parts.visas().forEach(v -> ids.add(v.getApprover()));
        parts.signatures().forEach(s -> ids.add(s.getSigner()));
        parts.history().forEach(e -> ids.add(e.getActor()));
        ids.remove(null);
        return ids;
    }

    private ResolutionView view(ResolutionParts parts, Map<String, String> names) {
        Resolution r = parts.resolution();
        return new ResolutionView(r.getId(), r.getStatus().name(), CardLabels.of(CardLabels.RESOLUTION, r.getStatus().name()),
                r.getText(), r.getResponsibleExecutor(), names.get(r.getResponsibleExecutor()), r.getCoExecutors(),
                r.getCoExecutors().stream().map(names::get).toList(), r.getDeadline(), r.isOnControl(), r.getDraftedBy(),
                names.get(r.getDraftedBy()), r.getDraftedAt(), r.getApprovedBy(), names.get(r.getApprovedBy()),
                r.getApprovedAt(), r.getManagerComment(),
                parts.assignments().stream().map(a -> new AssignmentView(a.getId(), a.getExecutor(), names.get(a.getExecutor()),
                        a.isResponsible(), a.getDueDate(), a.getStatus().name(),
                        CardLabels.of(CardLabels.ASSIGNMENT, a.getStatus().name()), a.getCompletedAt(), a.isOverdue(),
                        parts.reports().stream().filter(rep -> rep.getAssignmentId().equals(a.getId()))
                                .map(rep -> new ReportView(rep.getId(), rep.getKind().name(),
                                        CardLabels.of(CardLabels.REPORT, rep.getKind().name()), rep.getAuthor(),
                                        names.get(rep.getAuthor()), rep.getText(), rep.getSubmittedAt(), name(rep.getDecision()),
                                        CardLabels.of(CardLabels.CONTROL, name(rep.getDecision())), rep.getDecidedBy(),
                                        names.get(rep.getDecidedBy()), rep.getDecidedAt(), rep.getControllerComment()))
                                .toList()))
                        .toList(),
                parts.extensions().stream().map(e -> new ExtensionView(e.getId(), e.getRequestedBy(),
                        names.get(e.getRequestedBy()), e.getReason(), e.getCurrentDeadline(), e.getRequestedDeadline(),
                        e.getRequestedAt(), e.getDecision(), e.getDecision() == null ? "На рассмотрении"
                                : CardLabels.of(CardLabels.EXTENSION, e.getDecision()),
                        e.getDecidedBy(), names.get(e.getDecidedBy()), e.getDecidedAt(), e.getComment())).toList());
    }

    private static String signatureLabel(String kind) {
        if (SignatureService.SIMPLE.equals(kind)) {
            return "Простая электронная подпись";
        }
        try {
            return SignatureVerdict.Kind.valueOf(kind).label();
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
