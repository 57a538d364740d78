package ru.msed.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.audit.AuditTrail;
import ru.msed.web.ForbiddenException;
import ru.msed.web.NotFoundException;
import ru.msed.web.UserInputException;

/**
 * What an organization administrator does with their own organization's staff (and technical
 * support with anyone's): disable and enable, issue a password, change roles. Every change is
 * audited; a disabled user's open tasks go back to their department's group.
 */
@Service
public class StaffAdministration {

    /** Technical support: administers every organization. */
    public static final String SUPPORT_GROUP = "camunda-admin";

    private final EmployeeRepository employees;
    private final DepartmentRepository departments;
    private final OrganizationService organizations;
    private final IdentityService identity;
    private final TaskService tasks;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final PasswordVerifier passwordChecks;

    StaffAdministration(EmployeeRepository employees, DepartmentRepository departments, OrganizationService organizations,
            IdentityService identity, TaskService tasks, PasswordPolicy policy, AuditTrail audit, Clock clock,
            PasswordVerifier passwordChecks) {
        this.passwordChecks = passwordChecks;
        this.employees = employees;
        this.departments = departments;
        this.organizations = organizations;
        this.identity = identity;
        this.tasks = tasks;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    public record StaffMember(String userId, String name, String position, String department, boolean enabled,
            boolean mustChangePassword, List<String> roles) {
    }

    @Transactional(readOnly = true)
    public List<StaffMember> staff(String administrator) {
        Employee admin = administratorOfOwnOrganization(administrator);
        return employees.findByOrganizationIdOrderByLastName(admin.getOrganizationId()).stream().map(this::member).toList();
    }

    @Transactional
    public void disable(String administrator, String userId) {
        Employee employee = administered(administrator, userId);
        keepAnotherAdministrator(employee, employee.isEnabled());
        employee.disable();
        Department department = departments.findById(employee.getDepartmentId()).orElseThrow();
        int handedBack = asEngine(() -> {
            // An unknown random password: the account can no longer log in.
            User user = identity.createUserQuery().userId(userId).singleResult();
            user.setPassword(policy.temporaryPassword() + policy.temporaryPassword());
            identity.saveUser(user);
            List<Task> open = tasks.createTaskQuery().taskAssignee(userId).list();
            for (Task task : open) {
                tasks.setAssignee(task.getId(), null);
                tasks.addCandidateGroup(task.getId(), department.getGroupId());
            }
            return open.size();
        });
        audit.record(employee.getOrganizationId(), administrator, "USER_DISABLED", "USER", userId,
                "Открытые задачи (" + handedBack + ") возвращены в группу подразделения «" + department.getName() + "»");
    }

    /** Enables the account with a new temporary password, returned once to the administrator. */
    @Transactional
    public String enable(String administrator, String userId) {
        Employee employee = administered(administrator, userId);
        employee.enable();
        String password = issuePassword(employee);
        audit.record(employee.getOrganizationId(), administrator, "USER_ENABLED", "USER", userId, "Выдан временный пароль");
        return password;
    }

    @Transactional
    public String resetPassword(String administrator, String userId) {
        Employee employee = administered(administrator, userId);
        if (!employee.isEnabled()) {
            throw new UserInputException("Пользователь отключён: сначала включите его.");
        }
        String password = issuePassword(employee);
        audit.record(employee.getOrganizationId(), administrator, "PASSWORD_RESET", "USER", userId, "Выдан временный пароль");
        return password;
    }

    @Transactional
    public void changeRoles(String administrator, String userId, Collection<Role> roles) {
        Employee employee = administered(administrator, userId);
        Set<Role> wanted = Set.copyOf(roles);
        keepAnotherAdministrator(employee, !wanted.contains(Role.ORGANIZATION_ADMIN));
        asEngine(() -> {
            for (Role role : Role.values()) {
                boolean member = identity.createUserQuery().userId(userId).memberOfGroup(role.groupId()).count() > 0;
                if (wanted.contains(role) && !member) {
                    organizations.ensureRoleGroup(role);
                    identity.createMembership(userId, role.groupId());
                } else if (!wanted.contains(role) && member) {
                    identity.deleteMembership(userId, role.groupId());
                }
            }
            return null;
        });
        audit.record(employee.getOrganizationId(), administrator, "ROLES_CHANGED", "USER", userId,
                "Роли: " + wanted.stream().map(Role::groupId).sorted().toList());
    }

    /** The user's own change: checks the current password and the policy. */
    @Transactional
    public void changeOwnPassword(String userId, String currentPassword, String newPassword, String repeat) {
        Employee employee = organizations.employee(userId);
        if (!passwordChecks.matches(userId, currentPassword, "смена пароля: текущий пароль")) {
            throw new UserInputException("Текущий пароль указан неверно.");
        }
        List<String> problems = policy.problems(newPassword, repeat, currentPassword, employee,
                organizations.organization(employee.getOrganizationId()));
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
        asEngine(() -> {
            User user = identity.createUserQuery().userId(userId).singleResult();
            user.setPassword(newPassword);
            identity.saveUser(user);
            return null;
        });
        employee.passwordChanged(Instant.now(clock));
        employees.save(employee);
        audit.record(employee.getOrganizationId(), userId, "PASSWORD_CHANGED", "USER", userId, null);
    }

    /**
     * An organization keeps at least one enabled administrator: the last one cannot be disabled or lose
     * the role — neither by themselves nor by technical support. Changes of one organization's
     * administrators are serialized, so two administrators cannot remove each other at once.
     */
    private void keepAnotherAdministrator(Employee employee, boolean losesAdministration) {
        if (!losesAdministration) {
            return;
        }
        organizations.lock(employee.getOrganizationId());
        List<Employee> administrators = asEngine(() -> organizations.staffWithRole(employee.getOrganizationId(),
                Role.ORGANIZATION_ADMIN));
        boolean isAdministrator = administrators.stream().anyMatch(a -> a.getUserId().equals(employee.getUserId()));
        if (isAdministrator && administrators.size() == 1) {
            throw new UserInputException("Это последний администратор организации: его нельзя отключить или лишить роли. "
                    + "Сначала назначьте администратором другого сотрудника.");
        }
    }

    private String issuePassword(Employee employee) {
        String password = policy.temporaryPassword();
        asEngine(() -> {
            User user = identity.createUserQuery().userId(employee.getUserId()).singleResult();
            user.setPassword(password);
            identity.saveUser(user);
            identity.unlockUser(employee.getUserId());
            return null;
        });
        employee.passwordIssued();
        employees.save(employee);
        return password;
    }

    /** The target, if the administrator may administer it; otherwise "not found" (ids cannot be probed). */
    private Employee administered(String administrator, String userId) {
        Employee target = employees.findByUserId(userId)
                .orElseThrow(() -> new NotFoundException("Пользователь «" + userId + "» не найден."));
        if (isSupport(administrator)) {
            return target;
        }
        Employee admin = administratorOfOwnOrganization(administrator);
        if (!admin.getOrganizationId().equals(target.getOrganizationId())) {
            throw new NotFoundException("Пользователь «" + userId + "» не найден.");
        }
        return target;
    }

    private Employee administratorOfOwnOrganization(String administrator) {
        Employee admin = employees.findByUserId(administrator)
                .orElseThrow(() -> new ForbiddenException("Управлять пользователями могут администраторы организации."));
        if (!asEngine(() -> organizations.holdsRole(admin, Role.ORGANIZATION_ADMIN))) {
            throw new ForbiddenException("Управлять пользователями могут администраторы организации.");
        }
        return admin;
    }

    private boolean isSupport(String userId) {
        return asEngine(() -> identity.createUserQuery().userId(userId).memberOfGroup(SUPPORT_GROUP).count() > 0);
    }

    private StaffMember member(Employee e) {
        List<String> roles = asEngine(() -> identity.createGroupQuery().groupMember(e.getUserId()).list().stream()
                .map(g -> g.getId()).filter(id -> Set.of(Role.values()).stream().anyMatch(r -> r.groupId().equals(id)))
                .sorted().toList());
        String department = departments.findById(e.getDepartmentId()).map(Department::getName).orElse(null);
        return new StaffMember(e.getUserId(), e.shortName(), e.getPosition(), department, e.isEnabled(),
                e.isMustChangePassword(), roles);
    }

    /**
     * Runs engine calls as the application: the caller's rights were checked above, and an
     * administrator has no engine permissions on other people's tasks or on the identity tables.
     */
    private <T> T asEngine(Supplier<T> action) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return action.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
