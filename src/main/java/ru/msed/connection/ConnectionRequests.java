package ru.msed.connection;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.audit.AuditTrail;
import ru.msed.connection.ConnectionTemplate.HeaderField;
import ru.msed.organization.OrganizationService;
import ru.msed.organization.Role;
import ru.msed.engine.AsSystem;
import ru.msed.notification.Notification;
import ru.msed.notification.Notifications;
import ru.msed.web.ForbiddenException;
import ru.msed.web.NotFoundException;
import ru.msed.web.UserInputException;

/**
 * Connection requests: submission with the letter and the workbook, the automatic check
 * ({@link WorkbookCheck}), the return for clarification, support's decision, and the one-time
 * credentials link; what an approved request creates is {@link Provisioning}'s.
 */
@Service
public class ConnectionRequests {

    static final int MAX_LETTER_BYTES = 20 * 1024 * 1024;
    static final String AUDIT_OBJECT = "CONNECTION_REQUEST";

    private final ConnectionRequestRepository requests;
    private final ConnectionWorkbookReader reader;
    private final WorkbookCheck check;
    private final Applicants applicants;
    private final ApplicantNotices notices;
    private final Notifications notifications;
    private final OrganizationService organizations;
    private final AuditTrail audit;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Clock clock;

    ConnectionRequests(ConnectionRequestRepository requests, ConnectionWorkbookReader reader, WorkbookCheck check,
            Applicants applicants, ApplicantNotices notices, Notifications notifications, OrganizationService organizations,
            AuditTrail audit, RuntimeService runtime, IdentityService identity, Clock clock) {
        this.requests = requests;
        this.reader = reader;
        this.check = check;
        this.applicants = applicants;
        this.notices = notices;
        this.notifications = notifications;
        this.organizations = organizations;
        this.audit = audit;
        this.runtime = runtime;
        this.identity = identity;
        this.clock = clock;
    }

    public record CheckResult(boolean valid, List<String> problems, String organizationName, int people) {
    }

    /** Starts the regulation for a letter and workbook from support or an organization administrator. */
    @Transactional
    public ConnectionRequest submit(String applicant, String workbookName, byte[] workbook, String letterName,
            String letterType, byte[] letter, byte[] letterSignature) {
        if (!applicants.isSupport(applicant) && organizations.findEmployee(applicant)
                .filter(e -> organizations.holdsRole(e, Role.ORGANIZATION_ADMIN)).isEmpty()) {
            throw new ForbiddenException("Заявку подают администратор организации или техническая поддержка.");
        }
        List<String> problems = new ArrayList<>();
        if (letter == null || letter.length == 0) {
            problems.add("Приложите письмо за подписью руководителя организации (скан или файл).");
        } else if (letter.length > MAX_LETTER_BYTES) {
            problems.add("Файл письма больше 20 МБ.");
        }
        if (workbook == null || workbook.length == 0) {
            problems.add("Приложите заполненную книгу заявки (.xlsx).");
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
        ConnectionRequest request = requests.save(new ConnectionRequest(applicant, workbookName, workbook, sha256(workbook),
                letterName == null ? "letter" : letterName, letterType == null ? "application/octet-stream" : letterType,
                letter, letterSignature, Instant.now(clock)));
        audit.record(applicants.organizationOf(applicant), applicant, "CONNECTION_REQUESTED", AUDIT_OBJECT, request.getId().toString(),
                workbookName);
        // Only the application starts the regulation, in the applicant's organization or, for a first
        // connection sent by support, in support's own tenant: no organization sees another's request.
        String tenant = applicants.isSupport(applicant) ? OrganizationService.SUPPORT_TENANT
                : organizations.organization(applicants.organizationOf(applicant)).getCode();
        AsSystem.run(identity, () -> runtime.startProcessInstanceByKey(ConnectionRequestVariables.PROCESS_ID,
                request.getId().toString(), Map.of(ConnectionRequestVariables.REQUEST_ID, request.getId(),
                        ConnectionRequestVariables.APPLICANT, applicant, ConnectionRequestVariables.ORGANIZATION_CODE, tenant)));
        return request;
    }

    /** The applicant sends the corrected workbook while the request is with them. */
    @Transactional
    public void resubmit(long requestId, String user, String workbookName, byte[] workbook) {
        ConnectionRequest request = ownRequest(requestId, user);
        if (request.getStatus() != ConnectionRequestStatus.RETURNED) {
            throw new UserInputException("Заявка не на исправлении: загрузить новую книгу нельзя.");
        }
        if (workbook == null || workbook.length == 0) {
            throw new UserInputException("Приложите исправленную книгу заявки (.xlsx).");
        }
        request.corrected(workbookName, workbook, sha256(workbook), Instant.now(clock));
        audit.record(applicants.organizationOf(user), user, "CONNECTION_CORRECTED", AUDIT_OBJECT, Long.toString(requestId), workbookName);
    }

    /** The automatic check: the workbook against the template and what the system already holds. */
    @Transactional
    public CheckResult check(long requestId) {
        ConnectionRequest request = request(requestId);
        ConnectionWorkbook workbook = reader.read(request.getWorkbook());
        List<String> problems = check.problems(workbook, request.getApplicant());
        String code = workbook.value(HeaderField.ORGANIZATION_CODE);
        request.checked(code, problems.isEmpty() ? null : String.join("\n", problems));
        String name = workbook.value(HeaderField.SHORT_NAME);
        return new CheckResult(problems.isEmpty(), problems, name == null ? "" : name, workbook.people().size());
    }

    @Transactional
    public void returnToApplicant(long requestId) {
        ConnectionRequest request = request(requestId);
        request.returned(Instant.now(clock));
        notices.returned(request);
    }

    /** Completing the correction task needs a workbook uploaded after the return. */
    @Transactional
    public void acceptCorrection(long requestId) {
        ConnectionRequest request = request(requestId);
        if (request.getCorrectedAt() == null || request.getReturnedAt() == null
                || request.getCorrectedAt().isBefore(request.getReturnedAt())) {
            throw new UserInputException("Сначала загрузите исправленную книгу заявки на странице заявки, затем завершите задачу.");
        }
    }

    @Transactional
    public boolean decide(long requestId, String decision, String reason, String actor) {
        boolean approved = ReviewDecision.ofForm(decision)
                .orElseThrow(() -> new UserInputException("Выберите решение: подключить или отказать.")) == ReviewDecision.APPROVE;
        if (!approved && (reason == null || reason.isBlank())) {
            throw new UserInputException("Укажите причину отказа: заявитель её увидит.");
        }
        ConnectionRequest request = request(requestId);
        request.decided(approved, reason == null ? null : reason.strip(), actor, Instant.now(clock));
        audit.record(null, actor, approved ? "CONNECTION_APPROVED" : "CONNECTION_REJECTED", AUDIT_OBJECT,
                Long.toString(requestId), reason);
        return approved;
    }

    @Transactional
    public void notifyRejection(long requestId) {
        notices.rejected(request(requestId));
    }

    /** The review took longer than the regulation allows: recorded for the support lead. */
    @Transactional
    public void reviewOverdue(long requestId) {
        audit.record(null, "system", "CONNECTION_REVIEW_OVERDUE", AUDIT_OBJECT, Long.toString(requestId),
                "Срок рассмотрения заявки истёк");
    }

    /** The credentials sheet, once: afterwards the link is dead and the sealed copy is gone. */
    @Transactional
    public byte[] downloadCredentials(String token) {
        ConnectionRequest request = requests.findByCredentialsTokenSha256(CredentialsVault.lookupHash(token))
                .filter(r -> r.getCredentials() != null && r.getCredentialsDownloadedAt() == null)
                .filter(r -> Instant.now(clock).isBefore(r.getCredentialsExpiresAt()))
                .orElseThrow(() -> new NotFoundException("Ссылка недействительна, истекла или уже использована."));
        try {
            byte[] sheet = CredentialsVault.open(token, request.getCredentials());
            request.credentialsDownloaded(Instant.now(clock));
            audit.record(null, "link", "CREDENTIALS_DOWNLOADED", AUDIT_OBJECT, request.getId().toString(), null);
            return sheet;
        } catch (GeneralSecurityException e) {
            throw new NotFoundException("Ссылка недействительна, истекла или уже использована.");
        }
    }

    @Transactional(readOnly = true)
    public ConnectionRequest visibleTo(long requestId, String user) {
        ConnectionRequest request = request(requestId);
        if (!user.equals(request.getApplicant()) && !applicants.isSupport(user)) {
            throw new NotFoundException("Заявка " + requestId + " не найдена.");
        }
        return request;
    }

    @Transactional(readOnly = true)
    public byte[] workbook(long requestId, String user) {
        return visibleTo(requestId, user).getWorkbook();
    }

    @Transactional(readOnly = true)
    public byte[] letter(long requestId, String user) {
        return visibleTo(requestId, user).getLetter();
    }

    @Transactional(readOnly = true)
    public List<Notification> notificationsTo(String recipient) {
        return notifications.to(recipient);
    }

    private ConnectionRequest ownRequest(long requestId, String user) {
        ConnectionRequest request = request(requestId);
        if (!Objects.equals(request.getApplicant(), user)) {
            throw new NotFoundException("Заявка " + requestId + " не найдена.");
        }
        return request;
    }

    private ConnectionRequest request(long requestId) {
        return requests.findById(requestId).orElseThrow(() -> new NotFoundException("Заявка " + requestId + " не найдена."));
    }

    private static String sha256(byte[] content) {
        return content == null ? "" : HexFormat.of().formatHex(CredentialsVault.sha256(content));
    }
}
