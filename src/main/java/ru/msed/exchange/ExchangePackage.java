package ru.msed.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A document on its way from a sender to a recipient: the key that makes it unique (sender, sender's
 * document, recipient, kind, sequence), both sides, and the sender's requisites as they were sent.
 */
public record ExchangePackage(long id, UUID uid, String kind, int sequence, String senderCode, String senderDocument,
        String recipientCode, Source source, Long senderOrganizationId, String senderName, Long senderDocumentId,
        Long senderAttachmentId, String senderProcessInstanceId, Long recipientOrganizationId, String recipientName,
        Long recipientDocumentId, String registrationNumber, LocalDate registrationDate, String summary, String signatory,
        Long replyToPackageId, Instant createdAt, Instant arrivedAt) {

    /** The only kind of package today: a document (notifications travel as {@link ExchangeNotice}s). */
    public static final String DOCUMENT = "DOCUMENT";

    public enum Source {
        /** Delivered from one organization of the system to another. */
        ORGANIZATION,
        /** Imported from an outside system's transport container. */
        CONTAINER,
        /** Exported in a transport container for an outside system. */
        EXPORT
    }
}
