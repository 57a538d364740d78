package ru.msed.card;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A registration card as the API and the card page show it: the card, its resolutions with
 * execution and deadline extensions, files, visas and signatures, and its history. Every person is
 * given by id and by name («Фамилия И. О.», the {@code …Name} fields the page shows); codes come with
 * their Russian labels; {@code timeZone} is the organizations' zone in which times are shown;
 * {@code exchange} how the document arrived through the exchange, and its timeline per recipient
 * organization when it was sent to some, with the documents it answers or that answer it.
 */
public record DocumentCard(
        Long id,
        String kind,
        String kindLabel,
        String status,
        String statusLabel,
        String registrationNumber,
        LocalDate registrationDate,
        LocalDate receivedDate,
        String correspondent,
        String correspondentNumber,
        LocalDate correspondentDate,
        String signatory,
        String addressee,
        String addressees,
        String signatoryUser,
        String signatoryName,
        String summary,
        String deliveryMethod,
        String deliveryMethodLabel,
        Integer sheetCount,
        String accessLevel,
        String accessLevelLabel,
        String topic,
        String topicLabel,
        String executionMark,
        String fileReference,
        Instant closedAt,
        String createdBy,
        String createdByName,
        Instant createdAt,
        String processInstanceId,
        String timeZone,
        List<ResolutionView> resolutions,
        List<AttachmentView> attachments,
        List<VisaView> visas,
        List<SignatureView> signatures,
        List<HistoryEntry> history,
        ru.msed.exchange.ExchangeTimeline.View exchange) {

    public record ResolutionView(Long id, String status, String statusLabel, String text, String responsibleExecutor,
            String responsibleExecutorName, List<String> coExecutors, List<String> coExecutorNames, LocalDate deadline,
            boolean onControl, String draftedBy, String draftedByName, Instant draftedAt, String approvedBy,
            String approvedByName, Instant approvedAt, String managerComment, List<AssignmentView> assignments,
            List<ExtensionView> extensions) {
    }

    public record AssignmentView(Long id, String executor, String executorName, boolean responsible, LocalDate dueDate,
            String status, String statusLabel, Instant completedAt, boolean overdue, List<ReportView> reports) {
    }

    public record ReportView(Long id, String kind, String kindLabel, String author, String authorName, String text,
            Instant submittedAt, String decision, String decisionLabel, String decidedBy, String decidedByName,
            Instant decidedAt, String controllerComment) {
    }

    public record ExtensionView(Long id, String requestedBy, String requestedByName, String reason,
            LocalDate currentDeadline, LocalDate requestedDeadline, Instant requestedAt, String decision,
            String decisionLabel, String decidedBy, String decidedByName, Instant decidedAt, String comment) {
    }

    public record AttachmentView(Long id, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, String uploadedByName, Instant uploadedAt) {
    }

    public record VisaView(int round, String approver, String approverName, String decision, String decisionLabel,
            String comment, Instant decidedAt, String fileSha256) {
    }

    public record SignatureView(String kind, String kindLabel, String signer, String signerName, Instant signedAt,
            String certificateSerial, String certificateOwner, Instant validFrom, Instant validTo, String fileSha256) {
    }

    public record HistoryEntry(Instant at, String actor, String actorName, String action, String label, String details) {
    }
}
