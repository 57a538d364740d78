package ru.msed.appeal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.msed.document.CardVisibility;
import ru.msed.document.Document;
import ru.msed.document.DocumentService;

/**
 * {@code GET /api/appeals/{id}}: the appeal with its applicant's personal data — for the office and the
 * people working on it only ({@link CardVisibility}: others get 404, and the refusal is audited). The
 * card's history and files are {@code /api/documents/{id}}.
 */
@RestController
class AppealCardController {

    private final Appeals appeals;
    private final DocumentService documents;
    private final CardVisibility visibility;
    private final ThematicClassifier topics;

    AppealCardController(Appeals appeals, DocumentService documents, CardVisibility visibility, ThematicClassifier topics) {
        this.appeals = appeals;
        this.documents = documents;
        this.visibility = visibility;
        this.topics = topics;
    }

    record AppealView(long id, String registrationNumber, LocalDate registrationDate, String status, String channel,
            Instant receivedAt, String applicantName, String postalAddress, String email, String phone, String text,
            String kind, String receiptForm, boolean collective, boolean repeated, List<Long> earlierAppeals,
            String topicCode, String topic, String complainedBody, String complainedOfficial, LocalDate answerDue,
            LocalDate originalAnswerDue, String extensionReason, String forwardedTo, String answerNumber,
            LocalDate answerDate, String result, LocalDate closedOn, boolean termViolated) {
    }

    @GetMapping("/api/appeals/{documentId}")
    @Transactional(readOnly = true)
    AppealView appeal(@PathVariable long documentId) {
        Document card = documents.document(documentId);
        visibility.require(card);
        Appeal a = appeals.appeal(documentId);
        return new AppealView(documentId, card.getRegistrationNumber(), card.getRegistrationDate(), card.getStatus().name(),
                a.getChannel().name(), a.getReceivedAt(), a.getApplicantName(), a.getPostalAddress(), a.getEmail(),
                a.getPhone(), a.getAppealText(), a.getKind() == null ? null : a.getKind().label(),
                a.getReceiptForm() == null ? null : a.getReceiptForm().label(), a.isCollective(), a.isRepeated(),
                a.getEarlierAppeals().stream().sorted().toList(), a.getTopicCode(),
                a.getTopicCode() == null ? null : topics.name(a.getTopicCode()), a.getComplainedBody(),
                a.getComplainedOfficial(), a.getAnswerDue(), a.getOriginalAnswerDue(), a.getExtensionReason(),
                a.getForwardedToName(), a.getAnswerNumber(), a.getAnswerDate(),
                a.getResult() == null ? null : a.getResult().label(), a.getClosedOn(), a.isTermViolated());
    }
}
