package ru.msed.appeal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.document.DeliveryMethod;
import ru.msed.document.Document;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentHistory;
import ru.msed.document.DocumentKind;
import ru.msed.document.DocumentService;
import ru.msed.document.RegistrationCard;
import ru.msed.organization.OrganizationService;
import ru.msed.web.NotFoundException;
import ru.msed.web.UserInputException;

/**
 * Citizens' appeals (Federal Law 59-FZ): receiving, registration with the applicant's earlier appeals,
 * the review's decisions (the complaint rule of forwarding), the answer term and its one extension,
 * the answer, the closing. The card itself — number, journal, history — is {@link DocumentService}'s.
 */
@Service
public class Appeals {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MAX_EXTENSION_DAYS = 30;
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final int NAME_MAX = 300;
    private static final int ADDRESS_MAX = 500;

    private final AppealRepository appeals;
    private final DocumentService documents;
    private final DocumentHistory history;
    private final ThematicClassifier topics;
    private final CompetentBodies bodies;
    private final AppealNotices notices;
    private final OrganizationService organizations;
    private final Clock clock;

    Appeals(AppealRepository appeals, DocumentService documents, DocumentHistory history, ThematicClassifier topics,
            CompetentBodies bodies, AppealNotices notices, OrganizationService organizations, Clock clock) {
        this.organizations = organizations;
        this.appeals = appeals;
        this.documents = documents;
        this.history = history;
        this.topics = topics;
        this.bodies = bodies;
        this.notices = notices;
        this.clock = clock;
    }

    /** A paper or oral appeal the registrar starts with: an empty card in the registrar's organization. */
    @Transactional
    Appeal startAtOffice(String registrar, Applicant applicant, LocalDate receivedDate) {
        Document card = documents.createDraft(DocumentKind.APPEAL, registrar);
        Instant received = receivedDate == null || receivedDate.equals(LocalDate.now(clock)) ? Instant.now(clock)
                : receivedDate.atStartOfDay(clock.getZone()).toInstant();
        Appeal appeal = new Appeal(card.getId(), card.getOrganizationId(), AppealChannel.OFFICE, received);
        appeal.applicant(applicant);
        return appeals.save(appeal);
    }

    /** An appeal from the public form (or forwarded inside the system): its card waits for registration. */
    @Transactional
    Appeal receive(long organizationId, AppealChannel channel, Applicant applicant, String text, String source) {
        Document card = documents.createDraftIn(organizationId, DocumentKind.APPEAL, source);
        Appeal appeal = new Appeal(card.getId(), organizationId, channel, Instant.now(clock));
        appeal.applicant(applicant);
        appeal.text(text, channel == AppealChannel.ONLINE ? Instant.now(clock) : null);
        return appeals.save(appeal);
    }

    @Transactional(readOnly = true)
    public Appeal appeal(long documentId) {
        return appeals.findById(documentId).orElseThrow(() -> new NotFoundException("Обращение " + documentId + " не найдено."));
    }

    /** The applicant's earlier registered appeals in the organization, by name and address. */
    @Transactional(readOnly = true)
    List<Appeal> earlierOf(long documentId, Applicant applicant) {
        Appeal appeal = appeal(documentId);
        String key = applicant.key();
        return key == null ? List.of() : appeals
                .findByOrganizationIdAndApplicantKeyAndRegisteredOnNotNullAndDocumentIdNotOrderByDocumentIdDesc(
                        appeal.getOrganizationId(), key, documentId);
    }

    /** Validates the card, registers it in the «ОГ» journal, links the earlier appeals and confirms to the applicant. */
    @Transactional
    Document register(long documentId, AppealCard card, String actor) {
        List<String> problems = new ArrayList<>();
        validate(card, problems);
        Set<Long> earlier = new LinkedHashSet<>();
        List<Long> found = earlierOf(documentId, card.applicant()).stream().map(Appeal::getDocumentId).toList();
        for (Long linked : card.linkedAppeals()) {
            if (!found.contains(linked)) {
                problems.add("Обращение " + linked + " не является прежним обращением этого заявителя.");
            } else {
                earlier.add(linked);
            }
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
        Appeal appeal = appeal(documentId);
        Document document = documents.register(documentId, new RegistrationCard(card.receivedDate(),
                card.applicant().name() == null ? "Без указания ФИО" : card.applicant().name(), null, null, null, null,
                card.summary(), deliveryOf(appeal.getChannel(), card.receiptForm()), card.sheetCount() == null ? 1 : card.sheetCount(),
                null, card.topicCode()), actor);
        appeal.register(card, earlier, document.getRegistrationDate());
        notices.notify(appeal, "registered", "Ваше обращение зарегистрировано",
                "Ваше обращение зарегистрировано " + DATE.format(document.getRegistrationDate()) + " под номером "
                        + document.getRegistrationNumber() + ". Ответ будет направлен в течение 30 дней со дня регистрации.",
                actor);
        return document;
    }

    /** The 30-day term, as the diagram computed it. */
    @Transactional
    void setAnswerTerm(long documentId, LocalDate due) {
        appeal(documentId).answerDue(due);
        history.record(documentId, "system", DocumentAction.APPEAL_TERM_SET, "Ответ — не позднее " + DATE.format(due));
    }

    /** The review's decision to forward: the body must be in the list and never the one a complaint is about. */
    @Transactional(readOnly = true)
    CompetentBodies.Body forwardingTarget(long documentId, String bodyCode, boolean lawEnforcementOnly) {
        Appeal appeal = appeal(documentId);
        CompetentBodies.Body body = bodies.find(bodyCode)
                .orElseThrow(() -> new UserInputException("Выберите орган, в который направляется обращение."));
        if (lawEnforcementOnly && !body.isLawEnforcement()) {
            throw new UserInputException("Обращение о преступлении направляется в правоохранительный орган.");
        }
        if (appeal.getKind() == AppealKind.COMPLAINT && body.code().equals(appeal.getComplainedBody())) {
            throw new UserInputException("Жалобу нельзя направлять на рассмотрение органу, решение или действие "
                    + "которого обжалуется (ч. 6 ст. 8 Федерального закона № 59-ФЗ).");
        }
        if (body.organizationCode() != null && body.organizationCode().equals(organizationCodeOf(appeal))) {
            throw new UserInputException("Обращение нельзя переадресовать своей же организации.");
        }
        return body;
    }

    /** Records the forwarding, tells the applicant and closes the appeal here. */
    @Transactional
    void forwarded(long documentId, CompetentBodies.Body body, String note, String actor, String caseFile) {
        Appeal appeal = appeal(documentId);
        LocalDate today = LocalDate.now(clock);
        appeal.forwarded(body.code(), body.name(), today);
        history.record(documentId, actor, DocumentAction.APPEAL_FORWARDED, body.name() + (note == null ? "" : ". " + note));
        notices.notify(appeal, "forwarded", "Ваше обращение направлено по компетенции",
                "Ваше обращение " + numberOf(appeal) + " направлено для рассмотрения по компетенции: " + body.name()
                        + ". Ответ направит этот орган.", actor);
        close(appeal, AppealResult.FORWARDED, "Переадресовано: " + body.name() + " (" + DATE.format(today) + ")", caseFile, actor);
    }

    /** A special case closed without an answer on the merits; the applicant is told why where the law says so. */
    @Transactional
    void closeWithoutAnswer(long documentId, AppealResult result, String reasonForApplicant, String note, String actor,
            String caseFile) {
        Appeal appeal = appeal(documentId);
        history.record(documentId, actor, DocumentAction.APPEAL_DECIDED, result.label() + (note == null ? "" : ". " + note));
        if (reasonForApplicant != null) {
            notices.notify(appeal, result.name().toLowerCase(), "Ответ на ваше обращение " + numberOf(appeal),
                    reasonForApplicant + (note == null ? "" : "\n\n" + note), actor);
        }
        close(appeal, result, result.label() + (note == null ? "" : ": " + note), caseFile, actor);
    }

    /** The head's extension: once, by at most 30 days, with a reason, before the term ends; the applicant is told. */
    @Transactional
    void extend(long documentId, LocalDate newDue, String reason, String actor) {
        Appeal appeal = appeal(documentId);
        List<String> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (appeal.isExtended()) {
            problems.add("Срок рассмотрения уже продлевался: продлить его можно только один раз.");
        }
        if (today.isAfter(appeal.getAnswerDue())) {
            problems.add("Срок рассмотрения уже истёк " + DATE.format(appeal.getAnswerDue()) + ": продлить его нельзя.");
        }
        if (newDue == null) {
            problems.add("Укажите новый срок рассмотрения.");
        } else if (!newDue.isAfter(appeal.getAnswerDue())) {
            problems.add("Новый срок должен быть позже действующего (" + DATE.format(appeal.getAnswerDue()) + ").");
        } else if (newDue.isAfter(appeal.getAnswerDue().plusDays(MAX_EXTENSION_DAYS))) {
            problems.add("Срок продлевается не более чем на " + MAX_EXTENSION_DAYS + " дней: не позднее "
                    + DATE.format(appeal.getAnswerDue().plusDays(MAX_EXTENSION_DAYS)) + ".");
        }
        if (reason == null || reason.isBlank()) {
            problems.add("Укажите причину продления срока.");
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
        LocalDate old = appeal.getAnswerDue();
        appeal.extend(newDue, reason.strip(), actor, today);
        history.record(documentId, actor, DocumentAction.APPEAL_TERM_EXTENDED,
                "С " + DATE.format(old) + " до " + DATE.format(newDue) + ". " + reason.strip());
        notices.notify(appeal, "extended", "Срок рассмотрения вашего обращения продлён",
                "Срок рассмотрения вашего обращения " + numberOf(appeal) + " продлён до " + DATE.format(newDue)
                        + ". Причина: " + reason.strip(), actor);
    }

    @Transactional
    void termViolated(long documentId) {
        Appeal appeal = appeal(documentId);
        appeal.termViolated();
        history.record(documentId, "system", DocumentAction.APPEAL_TERM_VIOLATED,
                "Срок " + DATE.format(appeal.getAnswerDue()) + " истёк, ответ не дан");
    }

    @Transactional
    void responsibleExecutor(long documentId, String executor) {
        appeal(documentId).responsibleExecutor(executor);
    }

    /** The signed and registered answer: restricted like the appeal (it carries the applicant's data); the applicant is told. */
    @Transactional
    void answered(long documentId, long answerDocumentId, String actor) {
        Appeal appeal = appeal(documentId);
        Document answer = documents.document(answerDocumentId);
        if (answer.getKind() != DocumentKind.OUTGOING || !answer.getOrganizationId().equals(appeal.getOrganizationId())
                || answer.getRegistrationNumber() == null) {
            throw new IllegalStateException("Document " + answerDocumentId + " is not a registered answer of appeal " + documentId);
        }
        documents.restrict(answerDocumentId);
        appeal.answered(answerDocumentId, answer.getRegistrationNumber(), answer.getRegistrationDate());
        String answerMark = "№ " + answer.getRegistrationNumber() + " от " + DATE.format(answer.getRegistrationDate());
        history.record(documentId, actor, DocumentAction.APPEAL_ANSWERED, "Ответ " + answerMark);
        notices.notify(appeal, "answered", "Ответ на ваше обращение " + numberOf(appeal),
                "На ваше обращение " + numberOf(appeal) + " дан ответ " + answerMark + ". Ответ направлен по указанному вами адресу.",
                actor);
    }

    /** Closes an appeal considered on the merits: the result and the answer's number and date in the mark. */
    @Transactional
    void closeAnswered(long documentId, AppealResult result, String fileReference, String actor) {
        Appeal appeal = appeal(documentId);
        if (result == null || !result.onTheMerits()) {
            throw new UserInputException("Выберите результат рассмотрения: дан ответ, разъяснено, поддержано или не поддержано.");
        }
        if (appeal.getAnswerNumber() == null) {
            throw new UserInputException("Ответ заявителю ещё не зарегистрирован.");
        }
        close(appeal, result, result.label() + ". Ответ № " + appeal.getAnswerNumber() + " от "
                + DATE.format(appeal.getAnswerDate()), fileReference, actor);
    }

    private void close(Appeal appeal, AppealResult result, String mark, String fileReference, String actor) {
        documents.close(appeal.getDocumentId(), mark, fileReference, actor);
        appeal.close(result, LocalDate.now(clock));
    }

    private String numberOf(Appeal appeal) {
        Document card = documents.document(appeal.getDocumentId());
        return card.getRegistrationNumber() == null ? "" : "№ " + card.getRegistrationNumber() + " от "
                + DATE.format(card.getRegistrationDate());
    }

    private String organizationCodeOf(Appeal appeal) {
        return organizations.organization(appeal.getOrganizationId()).getCode();
    }

    private void validate(AppealCard card, List<String> problems) {
        Applicant applicant = card.applicant();
        if (applicant.name() != null && applicant.name().length() > NAME_MAX) {
            problems.add("ФИО длиннее " + NAME_MAX + " символов.");
        }
        if (applicant.postalAddress() != null && applicant.postalAddress().length() > ADDRESS_MAX) {
            problems.add("Почтовый адрес длиннее " + ADDRESS_MAX + " символов.");
        }
        if (applicant.email() != null && !EMAIL.matcher(applicant.email()).matches()) {
            problems.add("Адрес электронной почты «" + applicant.email() + "» указан неверно.");
        }
        if (card.kind() == null) {
            problems.add("Укажите вид обращения: заявление, предложение или жалоба.");
        }
        if (card.receiptForm() == null) {
            problems.add("Укажите форму обращения: письменное, электронное или устное.");
        }
        if (!topics.isQuestion(card.topicCode())) {
            problems.add("Выберите вопрос из тематического классификатора.");
        }
        if (card.kind() == AppealKind.COMPLAINT && card.complainedBody() == null
                && (card.complainedOfficial() == null || card.complainedOfficial().isBlank())) {
            problems.add("Для жалобы укажите орган или должностное лицо, решение или действие которого обжалуется.");
        }
        if (card.complainedBody() != null && bodies.find(card.complainedBody()).isEmpty()) {
            problems.add("Орган «" + card.complainedBody() + "» не найден в перечне органов.");
        }
    }

    private static DeliveryMethod deliveryOf(AppealChannel channel, ReceiptForm form) {
        return switch (channel) {
            case ONLINE -> DeliveryMethod.EMAIL;
            case FORWARDED -> DeliveryMethod.MEDO;
            case OFFICE -> form == ReceiptForm.ORAL ? DeliveryMethod.IN_PERSON
                    : form == ReceiptForm.ELECTRONIC ? DeliveryMethod.EMAIL : DeliveryMethod.POST;
        };
    }
}
