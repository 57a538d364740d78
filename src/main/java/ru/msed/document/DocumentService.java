package ru.msed.document;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.organization.Employee;
import ru.msed.organization.OrganizationService;
import ru.msed.web.NotFoundException;
import ru.msed.web.UserInputException;

/** Registration cards: creating, registering in a journal, moving through statuses, closing. */
@Service
public class DocumentService {

    private static final int SUMMARY_MAX = 2000;

    private final DocumentRepository documents;
    private final Journals journals;
    private final DocumentHistory history;
    private final OrganizationService organizations;
    private final Clock clock;

    DocumentService(DocumentRepository documents, Journals journals, DocumentHistory history,
            OrganizationService organizations, Clock clock) {
        this.documents = documents;
        this.journals = journals;
        this.history = history;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** An empty card in the author's organization, so files can be attached before registration. */
    @Transactional
    public Document createDraft(DocumentKind kind, String userId) {
        Employee author = organizations.findEmployee(userId)
                .orElseThrow(() -> new UserInputException(
                        "Пользователь «" + userId + "» не является сотрудником организации и не может регистрировать документы."));
        Document document = documents.save(new Document(author.getOrganizationId(), kind, userId, Instant.now(clock)));
        history.record(document.getId(), userId, DocumentAction.CREATED, null);
        return document;
    }

    /**
     * An empty card of an organization created by the application rather than by one of its staff
     * (a document arriving through the exchange): {@code actor} names the source in the history.
     */
    @Transactional
    public Document createDraftIn(long organizationId, DocumentKind kind, String actor) {
        Document document = documents.save(new Document(organizationId, kind, actor, Instant.now(clock)));
        history.record(document.getId(), actor, DocumentAction.CREATED, null);
        return document;
    }

    /** Makes a card «для служебного пользования»: the office and the people named on it only ({@link CardVisibility}). */
    @Transactional
    public void restrict(long documentId) {
        document(documentId).restrict();
    }

    @Transactional
    public void linkProcess(long documentId, String processInstanceId) {
        document(documentId).linkProcess(processInstanceId);
    }

    /** Validates the card and gives the document the next number of its journal for this year. */
    @Transactional
    public Document register(long documentId, RegistrationCard card, String actor) {
        Document document = document(documentId);
        if (document.getStatus() != DocumentStatus.DRAFT) {
            throw new UserInputException("Документ уже зарегистрирован под номером " + document.getRegistrationNumber() + ".");
        }
        LocalDate today = LocalDate.now(clock);
        validate(card, today);
        String organizationCode = organizations.organization(document.getOrganizationId()).getCode();
        JournalNumber number = journals.next(document.getOrganizationId(), organizationCode, document.getKind(), today.getYear());
        document.fillCard(card);
        document.register(number, today);
        history.record(documentId, actor, DocumentAction.REGISTERED, "№ " + number.formatted());
        return document;
    }

    /** An unregistered card that arrived through the exchange is refused registration; the reason goes back to the sender. */
    @Transactional
    public Document refuseRegistration(long documentId, String reason, String actor) {
        Document document = document(documentId);
        if (document.getStatus() != DocumentStatus.DRAFT) {
            throw new UserInputException("Документ уже зарегистрирован под номером " + document.getRegistrationNumber() + ".");
        }
        if (isBlank(reason)) {
            throw new UserInputException("Укажите причину отказа в регистрации: она будет направлена отправителю.");
        }
        if (reason.strip().length() > SUMMARY_MAX) {
            throw new UserInputException("Причина отказа длиннее " + SUMMARY_MAX + " символов.");
        }
        document.moveTo(DocumentStatus.REFUSED);
        history.record(documentId, actor, DocumentAction.REGISTRATION_REFUSED, reason.strip());
        return document;
    }

    /** A registered card of the organization by its number, e.g. the incoming document an answer replies to. */
    @Transactional(readOnly = true)
    public java.util.Optional<Document> findRegistered(long organizationId, DocumentKind kind, String registrationNumber) {
        return isBlank(registrationNumber) ? java.util.Optional.empty()
                : documents.findFirstByOrganizationIdAndKindAndRegistrationNumber(organizationId, kind, registrationNumber.strip());
    }

    /** The outgoing draft's card; the signatory must be a manager of the organization. */
    @Transactional
    public Document saveOutgoingDraft(long documentId, String summary, String addressees, String signatoryUser, String actor) {
        Document document = document(documentId);
        List<String> problems = new ArrayList<>();
        if (isBlank(summary)) {
            problems.add("Заполните краткое содержание.");
        } else if (summary.length() > SUMMARY_MAX) {
            problems.add("Краткое содержание длиннее " + SUMMARY_MAX + " символов.");
        }
        if (isBlank(addressees)) {
            problems.add("Укажите адресатов.");
        }
        var signatory = organizations.findEmployee(signatoryUser)
                .filter(e -> e.getOrganizationId().equals(document.getOrganizationId()))
                .filter(e -> organizations.holdsRole(e, ru.msed.organization.Role.MANAGER));
        if (signatory.isEmpty()) {
            problems.add("Подписант «" + signatoryUser + "» не найден среди руководителей организации.");
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
        document.fillOutgoing(summary.strip(), addressees.strip(), signatoryUser,
                signatory.get().shortName() + ", " + signatory.get().getPosition());
        history.record(documentId, actor, DocumentAction.OUTGOING_DRAFTED, summary.strip());
        return document;
    }

    /** Outgoing documents are registered in the outgoing journal on the day of signing. */
    @Transactional
    public Document registerSigned(long documentId, String actor) {
        Document document = document(documentId);
        if (document.getRegistrationNumber() != null) {
            return document;
        }
        LocalDate today = LocalDate.now(clock);
        String organizationCode = organizations.organization(document.getOrganizationId()).getCode();
        JournalNumber number = journals.next(document.getOrganizationId(), organizationCode, document.getKind(), today.getYear());
        document.register(number, today);
        history.record(documentId, actor, DocumentAction.REGISTERED, "№ " + number.formatted());
        return document;
    }

    @Transactional
    public void moveTo(long documentId, DocumentStatus status, String actor, DocumentAction action, String details) {
        document(documentId).moveTo(status);
        history.record(documentId, actor, action, details);
    }

    @Transactional
    public void close(long documentId, String executionMark, String fileReference, String actor) {
        List<String> problems = new ArrayList<>();
        if (executionMark == null || executionMark.isBlank()) {
            problems.add("Укажите отметку об исполнении.");
        }
        if (fileReference == null || fileReference.isBlank()) {
            problems.add("Укажите номер дела по номенклатуре («в дело №»).");
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
        document(documentId).close(executionMark.strip(), fileReference.strip(), Instant.now(clock));
        history.record(documentId, actor, DocumentAction.CLOSED, "В дело № " + fileReference.strip() + ". " + executionMark.strip());
    }

    /** All cards of all organizations (sizing and benchmarks). */
    @Transactional(readOnly = true)
    public long count() {
        return documents.count();
    }

    @Transactional(readOnly = true)
    public Document document(long documentId) {
        return documents.findById(documentId)
                .orElseThrow(() -> new NotFoundException("Документ " + documentId + " не найден."));
    }

    private static void validate(RegistrationCard card, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (isBlank(card.summary())) {
            problems.add("Заполните краткое содержание.");
        } else if (card.summary().length() > SUMMARY_MAX) {
            problems.add("Краткое содержание длиннее " + SUMMARY_MAX + " символов.");
        }
        if (isBlank(card.correspondent())) {
            problems.add("Укажите корреспондента (организацию-отправителя).");
        }
        if (card.deliveryMethod() == null) {
            problems.add("Укажите способ доставки.");
        }
        if (card.sheetCount() == null || card.sheetCount() < 1) {
            problems.add("Количество листов должно быть не меньше 1.");
        }
        if (card.receivedDate() == null) {
            problems.add("Укажите дату поступления.");
        } else if (card.receivedDate().isAfter(today)) {
            problems.add("Дата поступления не может быть позже сегодняшней.");
        }
        if (card.correspondentDate() != null) {
            if (card.correspondentDate().isAfter(today)) {
                problems.add("Дата исходящего документа корреспондента не может быть в будущем.");
            } else if (card.receivedDate() != null && card.correspondentDate().isAfter(card.receivedDate())) {
                problems.add("Дата исходящего документа корреспондента не может быть позже даты поступления.");
            }
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
