package ru.msed.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.audit.AuditTrail;
import ru.msed.connection.ConnectionRequestValidator.Action;
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

/**
 * Carries out an approved request: the organization (tenant), departments, users with their roles,
 * disconnections and changes of rights, in one transaction; the new people's temporary passwords
 * only in a sealed sheet behind a one-time link.
 */
@Service
class Provisioning {

    static final Duration CREDENTIALS_VALID = Duration.ofDays(7);

    record Provisioned(String organizationCode, int connected, int alreadyConnected, int disconnected, int changed) {
    }

    private final ConnectionRequestRepository requests;
    private final ConnectionWorkbookReader reader;
    private final WorkbookCheck check;
    private final OrganizationService organizations;
    private final StaffAdministration administration;
    private final PasswordPolicy passwords;
    private final ApplicantNotices notices;
    private final AuditTrail audit;
    private final Clock clock;

    Provisioning(ConnectionRequestRepository requests, ConnectionWorkbookReader reader, WorkbookCheck check,
            OrganizationService organizations, StaffAdministration administration, PasswordPolicy passwords,
            ApplicantNotices notices, AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.reader = reader;
        this.check = check;
        this.organizations = organizations;
        this.administration = administration;
        this.passwords = passwords;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates or changes everything the approved request asks for, in the caller's transaction:
     * nothing stays half-done. People already connected are not created again.
     */
    @Transactional
    public Provisioned provision(long requestId, String actor) {
        ConnectionRequest request = requests.findById(requestId).orElseThrow();
        ConnectionWorkbook workbook = reader.read(request.getWorkbook());
        List<String> problems = check.problems(workbook, request.getApplicant());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Request " + requestId + " is not valid any more: " + problems);
        }
        String code = workbook.value(HeaderField.ORGANIZATION_CODE);
        Organization organization = code != null ? organizations.findOrganization(code).orElseThrow()
                : newOrganization(workbook);
        Map<String, Department> departments = organizations.departments(organization.getId()).stream()
                .collect(Collectors.toMap(d -> d.getName().toLowerCase(Locale.ROOT), d -> d, (a, b) -> a, HashMap::new));
        Map<String, Employee> staff = organizations.staff(organization.getId()).stream()
                .collect(Collectors.toMap(Provisioning::fullName, e -> e, (a, b) -> a));
        List<CredentialsSheet.Account> issued = new ArrayList<>();
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
                    issued.add(new CredentialsSheet.Account(login, person.fullName(), person.position(), password));
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
                    CredentialsVault.seal(token, CredentialsSheet.of(organization, issued)), now, now.plus(CREDENTIALS_VALID));
        } else {
            request.provisioned(organization.getCode(), null, null, now, null);
        }
        audit.record(organization.getId(), actor, "CONNECTION_PROVISIONED", ConnectionRequests.AUDIT_OBJECT, Long.toString(requestId),
                "Подключено: " + issued.size() + ", уже были: " + skipped + ", отключено: " + disconnected
                        + ", изменены права: " + changed);
        Provisioned result = new Provisioned(organization.getCode(), issued.size(), skipped, disconnected, changed);
        notices.provisioned(request, organization, result, token);
        return result;
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

    static String fullName(Employee e) {
        return (e.getLastName() + " " + e.getFirstName() + (e.getPatronymic() == null ? "" : " " + e.getPatronymic()))
                .strip().toLowerCase(Locale.ROOT);
    }
}
