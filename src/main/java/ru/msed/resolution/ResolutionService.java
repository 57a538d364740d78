package ru.msed.resolution;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.calendar.WorkingDays;
import ru.msed.document.Document;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentService;
import ru.msed.document.DocumentStatus;
import ru.msed.calendar.RussianDates;
import ru.msed.organization.OrganizationService;
import ru.msed.organization.Role;
import ru.msed.organization.StaffMember;
import ru.msed.web.NotFoundException;
import ru.msed.web.UserInputException;

/** Draft, return and approval of resolutions; the manager's approval is what gives a resolution effect. */
@Service
public class ResolutionService {

    private static final int TEXT_MAX = 4000;

    private final ResolutionRepository resolutions;
    private final DocumentService documents;
    private final OrganizationService organizations;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    ResolutionService(ResolutionRepository resolutions, DocumentService documents, OrganizationService organizations,
            WorkingDays workingDays, Clock clock, JdbcTemplate jdbc) {
        this.resolutions = resolutions;
        this.documents = documents;
        this.organizations = organizations;
        this.workingDays = workingDays;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Executors the resolution may name: the organization's staff in the executor role. */
    @Transactional(readOnly = true)
    public List<StaffMember> eligibleExecutors(long documentId) {
        return organizations.membersInRole(documents.document(documentId).getOrganizationId(), Role.EXECUTOR);
    }

    /** Saves the assistant's draft: a new one, or the returned one revised. */
    @Transactional
    public Resolution saveDraft(long documentId, ResolutionDraft proposed, String actor) {
        Document document = documents.document(documentId);
        validate(document, proposed);
        ResolutionDraft draft = onWorkingDay(proposed);
        Resolution resolution = resolutions.findByDocumentIdOrderById(documentId).stream()
                .filter(r -> r.getStatus() != ResolutionStatus.APPROVED)
                .findFirst()
                .orElseGet(() -> new Resolution(documentId));
        resolution.draft(draft, actor, Instant.now(clock));
        resolution = resolutions.save(resolution);
        documents.moveTo(documentId, DocumentStatus.ON_RESOLUTION, actor, DocumentAction.RESOLUTION_DRAFTED,
                describe(resolution));
        return resolution;
    }

    @Transactional
    public void returnToAssistant(long resolutionId, String comment, String actor) {
        if (comment == null || comment.isBlank()) {
            throw new UserInputException("Укажите, что нужно исправить в проекте резолюции.");
        }
        Resolution resolution = draftOf(resolutionId);
        resolution.returnToAssistant(comment.strip());
        documents.moveTo(resolution.getDocumentId(), DocumentStatus.ON_RESOLUTION, actor, DocumentAction.RESOLUTION_RETURNED,
                comment.strip());
    }

    /** Approves the draft as the manager left it on the form (edited or not). */
    @Transactional
    public Resolution approve(long resolutionId, ResolutionDraft proposed, String actor) {
        Resolution resolution = draftOf(resolutionId);
        validate(documents.document(resolution.getDocumentId()), proposed);
        ResolutionDraft finalVersion = onWorkingDay(proposed);
        boolean edited = resolution.differsFrom(finalVersion);
        resolution.approve(finalVersion, actor, Instant.now(clock));
        documents.moveTo(resolution.getDocumentId(), DocumentStatus.ON_EXECUTION, actor, DocumentAction.RESOLUTION_APPROVED,
                (edited ? "С изменениями руководителя. " : "") + describe(resolution));
        return resolution;
    }

    /** The deadline moved by an approved extension (the old one stays in the extension request and history). */
    @Transactional
    public void moveDeadline(long resolutionId, LocalDate deadline) {
        resolution(resolutionId).moveDeadline(deadline);
    }

    /** The card a resolution belongs to (never changes): one column, where the owner checks of each step need no entity. */
    @Transactional(readOnly = true)
    public long documentIdOf(long resolutionId) {
        return jdbc.queryForList("SELECT document_id FROM resolution WHERE id = ?", Long.class, resolutionId).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("Резолюция " + resolutionId + " не найдена."));
    }

    @Transactional(readOnly = true)
    public Resolution resolution(long resolutionId) {
        return resolutions.findById(resolutionId)
                .orElseThrow(() -> new NotFoundException("Резолюция " + resolutionId + " не найдена."));
    }

    @Transactional(readOnly = true)
    public List<Resolution> ofDocument(long documentId) {
        return resolutions.findByDocumentIdOrderById(documentId);
    }

    /** A term that falls on a non-working day moves to the previous working day. */
    private ResolutionDraft onWorkingDay(ResolutionDraft draft) {
        return draft.withDeadline(workingDays.onOrBefore(draft.deadline()));
    }

    private Resolution draftOf(long resolutionId) {
        Resolution resolution = resolution(resolutionId);
        if (resolution.getStatus() == ResolutionStatus.APPROVED) {
            throw new UserInputException("Резолюция уже утверждена.");
        }
        return resolution;
    }

    private void validate(Document document, ResolutionDraft draft) {
        List<String> problems = new ArrayList<>();
        if (draft.text() == null || draft.text().isBlank()) {
            problems.add("Заполните текст резолюции (содержание поручения).");
        } else if (draft.text().length() > TEXT_MAX) {
            problems.add("Текст резолюции длиннее " + TEXT_MAX + " символов.");
        }
        List<String> named = new ArrayList<>(draft.coExecutors());
        if (draft.responsibleExecutor() != null) {
            named.add(draft.responsibleExecutor());
        }
        Set<String> executors = organizations.holdingRole(document.getOrganizationId(), Role.EXECUTOR, named);
        if (draft.responsibleExecutor() == null) {
            problems.add("Укажите ответственного исполнителя.");
        } else if (!executors.contains(draft.responsibleExecutor())) {
            problems.add("Ответственный исполнитель «" + draft.responsibleExecutor() + "» не найден среди исполнителей организации.");
        }
        for (String coExecutor : draft.coExecutors()) {
            if (coExecutor.equals(draft.responsibleExecutor())) {
                problems.add("Ответственный исполнитель не может быть одновременно соисполнителем.");
            } else if (!executors.contains(coExecutor)) {
                problems.add("Соисполнитель «" + coExecutor + "» не найден среди исполнителей организации.");
            }
        }
        if (draft.deadline() == null) {
            problems.add("Укажите срок исполнения.");
        } else if (draft.deadline().isBefore(LocalDate.now(clock))) {
            problems.add("Срок исполнения не может быть в прошлом.");
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
    }

    /** The history's line about a resolution: executors by name, the deadline as a Russian date. */
    private String describe(Resolution resolution) {
        Map<String, String> names = organizations.displayNames(resolution.executors());
        return "«" + resolution.getText() + "», ответственный: " + names.get(resolution.getResponsibleExecutor())
                + (resolution.getCoExecutors().isEmpty() ? "" : ", соисполнители: "
                        + String.join(", ", resolution.getCoExecutors().stream().map(names::get).toList()))
                + ", срок: " + RussianDates.format(resolution.getDeadline()) + (resolution.isOnControl() ? ", на контроле" : "");
    }
}
