package ru.msed.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.audit.AuditTrail;
import ru.msed.connection.ConnectionRequestValidator.Action;
import ru.msed.connection.ConnectionRequestValidator.Context;
import ru.msed.connection.ConnectionTemplate.HeaderField;
import ru.msed.connection.ConnectionWorkbook.Person;
import ru.msed.organization.Department;
import ru.msed.organization.Employee;
import ru.msed.organization.Organization;
import ru.msed.organization.OrganizationService;
import ru.msed.organization.OrganizationService.NewEmployee;
import ru.msed.organization.PasswordPolicy;
import ru.msed.organization.Role;
import ru.msed.organization.StaffAdministration;
import ru.msed.engine.AsSystem;
import ru.msed.notification.Notification;
import ru.msed.notification.Notifications;
import ru.msed.web.ForbiddenException;
import ru.msed.web.NotFoundException;
import ru.msed.web.UserInputException;

/**
 * Connection requests: submission with the letter and the workbook, the automatic check, the
 * return for clarification, the decision, and provisioning of the organization, its departments
 * and users in one transaction, with a one-time credentials sheet for the responsible person.
 */
@Service
public class ConnectionRequests {

    static final int MAX_LETTER_BYTES = 20 * 1024 * 1024;
    static final Duration CREDENTIALS_VALID = Duration.ofDays(7);
    static final String AUDIT_OBJECT = "CONNECTION_REQUEST";

    private final ConnectionRequestRepository requests;
    private final Notifications notifications;
    private final ConnectionWorkbookReader reader;
    private final OrganizationService organizations;
    private final StaffAdministration administration;
    private final PasswordPolicy passwords;
    private final AuditTrail audit;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Clock clock;
    private final String publicUrl;

    ConnectionRequests(ConnectionRequestRepository requests, Notifications notifications,
            ConnectionWorkbookReader reader, OrganizationService organizations, StaffAdministration administration,
            PasswordPolicy passwords, AuditTrail audit, RuntimeService runtime, IdentityService identity, Clock clock,
            @Value("${msed.public-url:http://localhost:8080}") String publicUrl) {
        this.requests = requests;
        this.notifications = notifications;
        this.reader = reader;
        this.organizations = organizations;
        this.administration = administration;
        this.passwords = passwords;
        this.audit = audit;
        this.runtime = runtime;
        this.identity = identity;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    public record CheckResult(boolean valid, List<String> problems, String organizationName, int people) {
    }

    public record Provisioned(String organizationCode, int connected, int alreadyConnected, int disconnected, int changed) {
    }

    /** Starts the regulation for a letter and workbook from support or an organization administrator. */
    @Transactional
    public ConnectionRequest submit(String applicant, String workbookName, byte[] workbook, String letterName,
            String letterType, byte[] letter, byte[] letterSignature) {
        if (!isSupport(applicant) && organizations.findEmployee(applicant)
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
        audit.record(organizationOf(applicant), applicant, "CONNECTION_REQUESTED", AUDIT_OBJECT, request.getId().toString(),
                workbookName);
        // Only the application starts the regulation, in the applicant's organization or, for a first
        // connection sent by support, in support's own tenant: no organization sees another's request.
        String tenant = isSupport(applicant) ? OrganizationService.SUPPORT_TENANT
                : organizations.organization(organizationOf(applicant)).getCode();
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
        audit.record(organizationOf(user), user, "CONNECTION_CORRECTED", AUDIT_OBJECT, Long.toString(requestId), workbookName);
    }

    /** The automatic check: the workbook against the template and what the system already holds. */
    @Transactional
    public CheckResult check(long requestId) {
        ConnectionRequest request = request(requestId);
        ConnectionWorkbook workbook = reader.read(request.getWorkbook());
        List<String> problems = validate(workbook, request.getApplicant());
        String code = workbook.value(HeaderField.ORGANIZATION_CODE);
        request.checked(code, problems.isEmpty() ? null : String.join("\n", problems));
        String name = workbook.value(HeaderField.SHORT_NAME);
        return new CheckResult(problems.isEmpty(), problems, name == null ? "" : name, workbook.people().size());
    }

    @Transactional
    public void returnToApplicant(long requestId) {
        ConnectionRequest request = request(requestId);
        request.returned(Instant.now(clock));
        notify(request, "returned-" + request.getWorkbookSha256(), "Заявка на подключение к МСЭД № " + requestId + " возвращена на исправление",
                "В заявке найдены ошибки:\n" + request.getProblems()
                        + "\n\nИсправьте книгу и загрузите её на странице заявки: " + publicUrl + "/onboarding.html?request="
                        + requestId + ". Срок рассмотрения приостановлен до получения исправленной заявки.");
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
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new UserInputException("Выберите решение: подключить или отказать.");
        }
        boolean approved = "approve".equals(decision);
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
        ConnectionRequest request = request(requestId);
        notify(request, "rejected", "Заявка на подключение к МСЭД № " + requestId + " отклонена",
                "Причина: " + request.getDecisionReason());
    }

    /** The review took longer than the regulation allows: recorded for the support lead. */
    @Transactional
    public void reviewOverdue(long requestId) {
        audit.record(null, "system", "CONNECTION_REVIEW_OVERDUE", AUDIT_OBJECT, Long.toString(requestId),
                "Срок рассмотрения заявки истёк");
    }

    /**
     * Creates or changes everything the approved request asks for, in the caller's transaction:
     * nothing stays half-done. People already connected are not created again.
     */
    @Transactional
    public Provisioned provision(long requestId, String actor) {
        ConnectionRequest request = request(requestId);
        ConnectionWorkbook workbook = reader.read(request.getWorkbook());
        List<String> problems = validate(workbook, request.getApplicant());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Request " + requestId + " is not valid any more: " + problems);
        }
        String code = workbook.value(HeaderField.ORGANIZATION_CODE);
        Organization organization = code != null ? organizations.findOrganization(code).orElseThrow()
                : newOrganization(workbook);
        Map<String, Department> departments = organizations.departments(organization.getId()).stream()
                .collect(Collectors.toMap(d -> d.getName().toLowerCase(Locale.ROOT), d -> d, (a, b) -> a, HashMap::new));
        Map<String, Employee> staff = organizations.staff(organization.getId()).stream()
                .collect(Collectors.toMap(ConnectionRequests::fullName, e -> e, (a, b) -> a));
        List<String[]> issued = new ArrayList<>();
        int skipped = 0;
        int disconnected = 0;
        int changed = 0;
        for (Person person : workbook.people()) {
            Employee existing = staff.get(person.fullName().toLowerCase(Locale.ROOT));
            switch (Action.of(person.action())) {
                case CONNECT -> {
                    if (existing != null) {
                        skipped++;
                        continue;
                    }
                    Department department = departments.computeIfAbsent(person.department().toLowerCase(Locale.ROOT),
                            key -> organizations.createDepartment(organization, person.department().strip(),
                                    ConnectionUserIds.departmentGroup(person.department())));
                    String login = ConnectionUserIds.login(person.lastName(), person.firstName(), person.patronymic(),
                            organization.getCode(), organizations::userExists);
                    String password = passwords.temporaryPassword();
                    organizations.createEmployeeWithIssuedPassword(department, new NewEmployee(login, person.lastName(),
                            person.firstName(), person.patronymic(), person.position(), person.email()), password, roles(person));
                    issued.add(new String[] {login, person.fullName(), person.position(), password});
                }
                case DISCONNECT -> {
                    administration.disable(actor, existing.getUserId());
                    disconnected++;
                }
                case CHANGE_RIGHTS -> {
                    administration.changeRoles(actor, existing.getUserId(), roles(person));
                    changed++;
                }
            }
        }
        Instant now = Instant.now(clock);
        String token = null;
        if (!issued.isEmpty()) {
            token = CredentialsVault.newToken();
            request.provisioned(organization.getCode(), CredentialsVault.lookupHash(token),
                    CredentialsVault.seal(token, credentialsSheet(organization, issued)), now, now.plus(CREDENTIALS_VALID));
        } else {
            request.provisioned(organization.getCode(), null, null, now, null);
        }
        audit.record(organization.getId(), actor, "CONNECTION_PROVISIONED", AUDIT_OBJECT, Long.toString(requestId),
                "Подключено: " + issued.size() + ", уже были: " + skipped + ", отключено: " + disconnected
                        + ", изменены права: " + changed);
        notify(request, "provisioned", "Подключение к МСЭД по заявке № " + requestId + " выполнено",
                "Организация «" + organization.getShortName() + "» (код " + organization.getCode() + ") подключена. "
                        + "Подключено пользователей: " + issued.size() + ", отключено: " + disconnected
                        + ", изменены права: " + changed + "."
                        + (token == null ? "" : "\n\nЛогины и временные пароли — по одноразовой ссылке (действует 7 дней, "
                                + "открывается один раз): " + publicUrl + "/onboarding-api/credentials/" + token
                                + "\nПри первом входе каждый пользователь сменит пароль."));
        return new Provisioned(organization.getCode(), issued.size(), skipped, disconnected, changed);
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
        if (!user.equals(request.getApplicant()) && !isSupport(user)) {
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

    private List<String> validate(ConnectionWorkbook workbook, String applicant) {
        if (!workbook.fileProblems().isEmpty() && workbook.header().isEmpty()) {
            return workbook.fileProblems();
        }
        String code = workbook.value(HeaderField.ORGANIZATION_CODE);
        List<String> extra = new ArrayList<>();
        Context context = new Context(false, Set.of(), Set.of());
        if (code != null) {
            var organization = organizations.findOrganization(code);
            if (organization.isEmpty()) {
                extra.add("Организация с кодом «" + code + "» (ячейка B11) не подключена к МСЭД.");
            } else {
                Long applicantOrganization = organizationOf(applicant);
                if (!isSupport(applicant) && !organization.get().getId().equals(applicantOrganization)) {
                    extra.add("Изменения можно подавать только для своей организации (ячейка B11).");
                }
                context = new Context(true,
                        organizations.departments(organization.get().getId()).stream()
                                .map(d -> d.getName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                        organizations.staff(organization.get().getId()).stream().filter(Employee::isEnabled)
                                .map(ConnectionRequests::fullName).collect(Collectors.toSet()));
            }
        } else if (workbook.value(HeaderField.INN) != null) {
            organizations.findOrganizationByInn(workbook.value(HeaderField.INN)).ifPresent(existing -> extra.add(
                    "Организация с ИНН " + existing.getInn() + " уже подключена (код «" + existing.getCode()
                            + "»): для изменений укажите этот код в ячейке B11 и действия в таблице."));
        }
        List<String> problems = new ArrayList<>(extra);
        problems.addAll(ConnectionRequestValidator.validate(workbook, context));
        return problems;
    }

    private Organization newOrganization(ConnectionWorkbook workbook) {
        Organization organization = organizations.createOrganization(workbook.value(HeaderField.INN),
                workbook.value(HeaderField.FULL_NAME), workbook.value(HeaderField.SHORT_NAME));
        organization.describe(workbook.value(HeaderField.INN), workbook.value(HeaderField.OGRN),
                workbook.value(HeaderField.PARENT), workbook.value(HeaderField.ADDRESS), workbook.value(HeaderField.RESPONSIBLE),
                workbook.value(HeaderField.RESPONSIBLE_PHONE), workbook.value(HeaderField.RESPONSIBLE_EMAIL));
        return organizations.save(organization);
    }

    private static List<Role> roles(Person person) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String label : new String[] {person.role(), person.secondRole()}) {
            if (label != null) {
                roles.add(ConnectionRequestValidator.ROLES.get(label));
            }
        }
        return List.copyOf(roles);
    }

    private static String fullName(Employee e) {
        return (e.getLastName() + " " + e.getFirstName() + (e.getPatronymic() == null ? "" : " " + e.getPatronymic()))
                .strip().toLowerCase(Locale.ROOT);
    }

    private static byte[] credentialsSheet(Organization organization, List<String[]> issued) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Учётные записи");
            sheet.createRow(0).createCell(0).setCellValue("Учётные записи МСЭД: " + organization.getShortName()
                    + " (код " + organization.getCode() + "). Пароли временные: при первом входе их нужно сменить.");
            String[] header = {"Логин", "ФИО", "Должность", "Временный пароль"};
            var head = sheet.createRow(2);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            for (int i = 0; i < issued.size(); i++) {
                var row = sheet.createRow(3 + i);
                for (int c = 0; c < 4; c++) {
                    row.createCell(c).setCellValue(issued.get(i)[c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One message per request and reason: a replayed step (a retried job) queues nothing twice. */
    private void notify(ConnectionRequest request, String reason, String subject, String body) {
        notifications.queue("connection-request:" + request.getId() + ":" + reason, recipientOf(request), subject, body);
    }

    private String recipientOf(ConnectionRequest request) {
        ConnectionWorkbook workbook = reader.read(request.getWorkbook());
        String email = workbook.header().isEmpty() ? null : workbook.value(HeaderField.RESPONSIBLE_EMAIL);
        if (email != null && ConnectionRequestValidator.EMAIL.matcher(email).matches()) {
            return email;
        }
        var user = identity.createUserQuery().userId(request.getApplicant()).singleResult();
        return user != null && user.getEmail() != null ? user.getEmail() : request.getApplicant();
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

    private boolean isSupport(String userId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(StaffAdministration.SUPPORT_GROUP).count() > 0;
    }

    private Long organizationOf(String userId) {
        return organizations.findEmployee(userId).map(Employee::getOrganizationId).orElse(null);
    }

    private static String sha256(byte[] content) {
        return content == null ? "" : HexFormat.of().formatHex(CredentialsVault.sha256(content));
    }
}
