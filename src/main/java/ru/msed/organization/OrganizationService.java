package ru.msed.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.web.NotFoundException;

/**
 * Organizations, departments and staff. Employees and their Camunda users, groups and
 * memberships are created here and only here, so the two never drift apart.
 */
@Service
public class OrganizationService {

    /** The tenant of what belongs to technical support alone (first connection requests). */
    public static final String SUPPORT_TENANT = "msed-support";
    /** Actors that are not people: the engine's timers and the legacy import. */
    private static final Map<String, String> SYSTEM_ACTORS = Map.of("system", "Система", "migration", "Перенос из прежней системы",
            "msed-exchange", "МСЭД (межведомственный обмен)");

    private final OrganizationRepository organizations;
    private final DepartmentRepository departments;
    private final EmployeeRepository employees;
    private final IdentityService identityService;
    /** Names and roles read on every resolution step: plain rows, no entities to hydrate and dirty-check. */
    private final NamedParameterJdbcTemplate jdbc;

    OrganizationService(OrganizationRepository organizations, DepartmentRepository departments,
            EmployeeRepository employees, IdentityService identityService, NamedParameterJdbcTemplate jdbc) {
        this.organizations = organizations;
        this.departments = departments;
        this.employees = employees;
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<Organization> findOrganization(String code) {
        return organizations.findByCode(code);
    }

    /** The organizations with these codes (those that exist). */
    @Transactional(readOnly = true)
    public List<Organization> findOrganizations(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : organizations.findByCodeIn(codes);
    }

    /** Every connected organization by short name: the directory outgoing documents are addressed from. */
    @Transactional(readOnly = true)
    public List<Organization> directory() {
        return organizations.findAll(org.springframework.data.domain.Sort.by("shortName", "code"));
    }

    /** Every organization's id by its code (the legacy import resolves a whole export with it). */
    @Transactional(readOnly = true)
    public Map<String, Long> organizationIdsByCode() {
        Map<String, Long> ids = new HashMap<>();
        organizations.codesAndIds().forEach(row -> ids.put((String) row[0], (Long) row[1]));
        return ids;
    }

    /** Every enabled employee's organization id by their login (the legacy import checks executors with it). */
    @Transactional(readOnly = true)
    public Map<String, Long> enabledStaffOrganizations() {
        Map<String, Long> ids = new HashMap<>();
        employees.enabledUserOrganizations().forEach(row -> ids.put((String) row[0], (Long) row[1]));
        return ids;
    }

    @Transactional(readOnly = true)
    public Optional<Employee> findEmployee(String userId) {
        return userId == null ? Optional.empty() : employees.findByUserId(userId);
    }

    /** Whether the user still has a password an administrator issued (every request until it is changed). */
    @Transactional(readOnly = true)
    public boolean mustChangePassword(String userId) {
        return findEmployee(userId).map(Employee::isMustChangePassword).orElse(false);
    }

    /** The enabled employee the login page named by their public id (see the login lists). */
    @Transactional(readOnly = true)
    public Optional<Employee> findEnabledByPublicId(String publicId) {
        try {
            return publicId == null ? Optional.empty()
                    : employees.findByPublicIdAndEnabledTrue(java.util.UUID.fromString(publicId.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Transactional(readOnly = true)
    public Employee employee(String userId) {
        return findEmployee(userId)
                .orElseThrow(() -> new NotFoundException("Сотрудник «" + userId + "» не найден."));
    }

    /**
     * How people are named on cards, forms and lists: «Фамилия И. О.» for staff, the account's name
     * for technical support, «Система» for the engine's own steps — never a login, except for an id
     * nobody knows (it is shown as it is rather than hidden).
     */
    @Transactional(readOnly = true)
    public Map<String, String> displayNames(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        Set<String> wanted = userIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return names;
        }
        jdbc.query("SELECT user_id, last_name, first_name, patronymic FROM employee WHERE user_id IN (:userIds)",
                Map.of("userIds", wanted), row -> {
                    names.put(row.getString("user_id"), Employee.shortName(row.getString("last_name"),
                            row.getString("first_name"), row.getString("patronymic")));
                });
        for (String userId : wanted) {
            if (!names.containsKey(userId)) {
                names.put(userId, systemName(userId));
            }
        }
        return names;
    }

    /** {@link #displayNames} of one person. */
    @Transactional(readOnly = true)
    public String displayName(String userId) {
        return userId == null ? null : displayNames(List.of(userId)).get(userId);
    }

    private String systemName(String userId) {
        if (SYSTEM_ACTORS.containsKey(userId)) {
            return SYSTEM_ACTORS.get(userId);
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user != null && user.getLastName() != null) {
            return (user.getFirstName() == null ? "" : user.getFirstName() + " ") + user.getLastName();
        }
        return userId;
    }

    @Transactional(readOnly = true)
    public Organization organization(Long id) {
        return organizations.findById(id)
                .orElseThrow(() -> new NotFoundException("Организация " + id + " не найдена."));
    }

    /** Locks the organization's row for the rest of the transaction. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lock(Long organizationId) {
        organizations.findLockedById(organizationId);
    }

    /** Enabled staff of the organization who hold the role, by surname. */
    @Transactional(readOnly = true)
    public List<Employee> staffWithRole(Long organizationId, Role role) {
        return employees.findEnabledMembers(organizationId, role.groupId());
    }

    /** {@link #staffWithRole} as the forms' drop-downs list them. */
    @Transactional(readOnly = true)
    public List<StaffMember> membersInRole(Long organizationId, Role role) {
        return jdbc.query(EmployeeRepository.ENABLED_MEMBERS + " ORDER BY e.last_name, e.first_name, e.id",
                Map.of("organizationId", organizationId, "groupId", role.groupId()),
                (row, number) -> new StaffMember(row.getString("user_id"), Employee.shortName(row.getString("last_name"),
                        row.getString("first_name"), row.getString("patronymic")), row.getString("position")));
    }

    /** The logins of those of the named users who are enabled staff of the organization in the role. */
    @Transactional(readOnly = true)
    public Set<String> holdingRole(Long organizationId, Role role, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.query(EmployeeRepository.ENABLED_MEMBERS + " AND e.user_id IN (:userIds)",
                Map.of("organizationId", organizationId, "groupId", role.groupId(), "userIds", Set.copyOf(userIds)),
                (row, number) -> row.getString("user_id")));
    }

    /** Whether the employee (enabled) holds the role. */
    @Transactional(readOnly = true)
    public boolean holdsRole(Employee employee, Role role) {
        return !holdingRole(employee.getOrganizationId(), role, List.of(employee.getUserId())).isEmpty();
    }

    @Transactional(readOnly = true)
    public Optional<Organization> findOrganizationByInn(String inn) {
        return organizations.findByInn(inn);
    }

    @Transactional(readOnly = true)
    public List<Department> departments(Long organizationId) {
        return departments.findByOrganizationId(organizationId);
    }

    @Transactional(readOnly = true)
    public List<Employee> staff(Long organizationId) {
        return employees.findByOrganizationIdOrderByLastName(organizationId);
    }

    @Transactional
    public Organization save(Organization organization) {
        return organizations.save(organization);
    }

    /** A user created with a password an administrator hands over: it must be changed at first login. */
    @Transactional
    public Employee createEmployeeWithIssuedPassword(Department department, NewEmployee person, String password,
            Collection<Role> roles) {
        Employee employee = createEmployee(department, person, password, roles);
        employee.passwordIssued();
        return employees.save(employee);
    }

    @Transactional(readOnly = true)
    public Optional<Department> findDepartment(Long organizationId, String name) {
        return departments.findByOrganizationIdAndName(organizationId, name);
    }

    @Transactional
    public Organization createOrganization(String code, String fullName, String shortName) {
        Organization organization = organizations.save(new Organization(code, fullName, shortName));
        Tenant tenant = identityService.newTenant(code);
        tenant.setName(shortName);
        identityService.saveTenant(tenant);
        return organization;
    }

    @Transactional
    public Department createDepartment(Organization organization, String name, String groupId) {
        ensureGroup(groupId, name, "DEPARTMENT");
        return departments.save(new Department(organization.getId(), name, groupId));
    }

    /** Creates the employee, their Camunda user (with the given initial password) and memberships. */
    @Transactional
    public Employee createEmployee(Department department, NewEmployee person, String password, Collection<Role> roles) {
        User user = identityService.newUser(person.userId());
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEmail(person.email());
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(person.userId(), department.getGroupId());
        identityService.createTenantUserMembership(organization(department.getOrganizationId()).getCode(), person.userId());
        for (Role role : roles) {
            ensureGroup(role.groupId(), role.groupName(), "WORKFLOW");
            identityService.createMembership(person.userId(), role.groupId());
        }
        return employees.save(new Employee(department.getOrganizationId(), department.getId(), person.userId(),
                person.lastName(), person.firstName(), person.patronymic(), person.position()));
    }

    /** A technical-support account: administers every organization, belongs to none. */
    @Transactional
    public void createSupportUser(String userId, String firstName, String lastName, String password) {
        User user = identityService.newUser(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setPassword(password);
        identityService.saveUser(user);
        addToGroup(userId, StaffAdministration.SUPPORT_GROUP, "Техническая поддержка");
    }

    public boolean userExists(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0;
    }

    /** Adds an existing user to a Camunda group that is not a role (e.g. camunda-admin). */
    @Transactional
    public void addToGroup(String userId, String groupId, String groupName) {
        ensureGroup(groupId, groupName, "SYSTEM");
        identityService.createMembership(userId, groupId);
    }

    void ensureRoleGroup(Role role) {
        ensureGroup(role.groupId(), role.groupName(), "WORKFLOW");
    }

    private void ensureGroup(String groupId, String name, String type) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    public record NewEmployee(String userId, String lastName, String firstName, String patronymic, String position,
            String email) {
    }
}
