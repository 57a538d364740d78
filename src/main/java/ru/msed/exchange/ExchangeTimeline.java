package ru.msed.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.document.Document;
import ru.msed.document.DocumentLinks;
import ru.msed.document.DocumentService;

/**
 * What a card shows of the exchange: for a document sent to organizations, a timeline per recipient
 * (sent, delivered, each notification, answers received); for a document that arrived, where from and
 * what was sent back. Only notification contents cross organizations: a sender never learns the
 * recipient's card id, only the number and texts the recipient's steps sent.
 */
@Service
public class ExchangeTimeline {

    private final ExchangePackages packages;
    private final DocumentLinks links;
    private final DocumentService documents;

    ExchangeTimeline(ExchangePackages packages, DocumentLinks links, DocumentService documents) {
        this.packages = packages;
        this.links = links;
        this.documents = documents;
    }

    /** The card's exchange: how it arrived, whom it went to, and its links («в ответ на» and answers). */
    public record View(Arrived arrived, List<Recipient> recipients, Linked replyTo, List<Linked> answers) {
    }

    public record Arrived(String sender, String senderNumber, LocalDate senderDate, String sourceLabel, Instant arrivedAt,
            List<Event> noticesSent) {
    }

    public record Recipient(String organizationCode, String organizationName, String status, String statusLabel,
            Instant sentAt, Instant deliveredAt, List<Event> events, List<Linked> answers) {
    }

    /** One step of a timeline: {@code kind} is SENT, DELIVERED, EXPORTED or a {@link NoticeKind}. */
    public record Event(Instant at, String kind, String label, String details, String deliveryLabel) {
    }

    /** A card of the viewer's own organization linked to this one. */
    public record Linked(long documentId, String kind, String registrationNumber, LocalDate registrationDate, String summary) {
    }

    @Transactional(readOnly = true)
    public View of(long documentId) {
        Arrived arrived = packages.arrivedAs(documentId).map(this::arrived).orElse(null);
        List<ExchangePackage> sent = packages.sentAs(documentId);
        Map<Long, List<ExchangeNotice>> notices = packages.notices(sent.stream().map(ExchangePackage::id).toList()).stream()
                .collect(Collectors.groupingBy(ExchangeNotice::packageId));
        Map<Long, List<ExchangePackage>> answers = packages.answersTo(sent.stream().map(ExchangePackage::id).toList()).stream()
                .collect(Collectors.groupingBy(ExchangePackage::replyToPackageId));
        List<Recipient> recipients = new ArrayList<>();
        for (ExchangePackage p : sent) {
            recipients.add(recipient(p, notices.getOrDefault(p.id(), List.of()), answers.getOrDefault(p.id(), List.of())));
        }
        Linked replyTo = links.question(documentId).map(this::linked).orElse(null);
        List<Linked> answeredBy = links.answers(documentId).stream().map(d -> linked(d.getId())).toList();
        return new View(arrived, recipients, replyTo, answeredBy);
    }

    private Arrived arrived(ExchangePackage p) {
        List<Event> sentBack = packages.notices(p.id()).stream().map(n -> new Event(n.createdAt(), n.kind().name(),
                n.kind().label(), n.details(), deliveryLabel(n))).toList();
        return new Arrived(p.senderName(), p.registrationNumber(), p.registrationDate(),
                p.source() == ExchangePackage.Source.CONTAINER ? "Транспортный контейнер внешней системы" : "МСЭД",
                p.arrivedAt(), sentBack);
    }

    private Recipient recipient(ExchangePackage p, List<ExchangeNotice> notices, List<ExchangePackage> answers) {
        List<Event> events = new ArrayList<>();
        boolean export = p.source() == ExchangePackage.Source.EXPORT;
        events.add(new Event(p.createdAt(), export ? "EXPORTED" : "SENT",
                export ? "Выгружен в транспортный контейнер" : "Отправлен", null, null));
        if (p.arrivedAt() != null) {
            events.add(new Event(p.arrivedAt(), "DELIVERED", "Доставлен", null, null));
        }
        notices.forEach(n -> events.add(new Event(n.createdAt(), n.kind().name(), n.kind().label(), n.details(), null)));
        List<Linked> received = new ArrayList<>();
        for (ExchangePackage answer : answers) {
            if (answer.recipientDocumentId() != null) {
                Linked card = linked(answer.recipientDocumentId());
                received.add(card);
                events.add(new Event(answer.arrivedAt(), "ANSWER", "Получен ответ", "исх. № " + answer.registrationNumber()
                        + (card.registrationNumber() == null ? "" : ", у нас вх. № " + card.registrationNumber()), null));
            }
        }
        events.sort(Comparator.comparing(Event::at));
        Event last = events.stream().filter(e -> !e.kind().equals("ANSWER")).reduce((a, b) -> b).orElseThrow();
        String statusLabel = switch (last.kind()) {
            case "SENT" -> "Отправлен, ещё не доставлен";
            case "EXPORTED" -> "Выгружен для внешней системы";
            case "DELIVERED" -> "Доставлен, ожидает регистрации";
            default -> last.label();
        };
        return new Recipient(p.recipientCode(), p.recipientName(), last.kind(), statusLabel, p.createdAt(), p.arrivedAt(), events,
                received);
    }

    private static String deliveryLabel(ExchangeNotice notice) {
        return switch (notice.status()) {
            case QUEUED -> notice.attempts() == 0 ? "ожидает доставки" : "повторная доставка";
            case DELIVERED -> "доставлено";
            case FAILED -> "не доставлено";
            case OUTBOUND -> "ожидает выгрузки для внешней системы";
            case EXPORTED -> "выгружено";
            case RECEIVED -> "получено";
        };
    }

    private Linked linked(long documentId) {
        Document d = documents.document(documentId);
        return new Linked(d.getId(), d.getKind().name(), d.getRegistrationNumber(), d.getRegistrationDate(), d.getSummary());
    }
}
