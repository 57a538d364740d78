package ru.msed.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A notification from a package's recipient back to its sender, and how far its delivery got. */
public record ExchangeNotice(long id, UUID uid, long packageId, NoticeKind kind, String eventKey, String registrationNumber,
        LocalDate registrationDate, String text, Instant createdAt, Status status, int attempts, String lastError,
        Instant deliveredAt) {

    public enum Status {
        /** To be handed to the sender's process. */
        QUEUED,
        DELIVERED,
        /** Gave up after the last attempt: support sees it and may send it again. */
        FAILED,
        /** For an outside system: waits to be exported in a notification container. */
        OUTBOUND,
        EXPORTED,
        /** Imported from an outside system's notification container. */
        RECEIVED
    }

    /** What the timeline and an exported notification say: the number and date, else the text. */
    public String details() {
        if (kind == NoticeKind.REGISTERED && registrationNumber != null) {
            return "№ " + registrationNumber + (registrationDate == null ? "" : " от " + ru.msed.calendar.RussianDates.format(registrationDate))
                    + (text == null || text.isBlank() ? "" : "; " + text);
        }
        return text;
    }
}
