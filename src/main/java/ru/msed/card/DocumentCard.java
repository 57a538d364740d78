package ru.msed.card;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ru.msed.document.AttachmentInfo;

/** A registration card as the API shows it: the card, its resolutions with execution, files and history. */
public record DocumentCard(
        Long id,
        String kind,
        String status,
        String registrationNumber,
        LocalDate registrationDate,
        LocalDate receivedDate,
        String correspondent,
        String correspondentNumber,
        LocalDate correspondentDate,
        String signatory,
        String addressee,
        String summary,
        String deliveryMethod,
        Integer sheetCount,
        String accessLevel,
        String topic,
        String executionMark,
        String fileReference,
        Instant closedAt,
        String processInstanceId,
        List<ResolutionView> resolutions,
        List<AttachmentInfo> attachments,
        List<HistoryEntry> history) {

    public record ResolutionView(Long id, String status, String text, String responsibleExecutor,
            List<String> coExecutors, LocalDate deadline, boolean onControl, String draftedBy, Instant draftedAt,
            String approvedBy, Instant approvedAt, String managerComment, List<AssignmentView> assignments) {
    }

    public record AssignmentView(Long id, String executor, boolean responsible, LocalDate dueDate, String status,
            Instant completedAt, List<ReportView> reports) {
    }

    public record ReportView(Long id, String kind, String author, String text, Instant submittedAt, String decision,
            String decidedBy, Instant decidedAt, String controllerComment) {
    }

    public record HistoryEntry(Instant at, String actor, String action, String label, String details) {
    }
}
