package ru.msed.organization;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.msed.web.CurrentUser;

/** The logged-in user's own account: who they are, and the password change. */
@RestController
@RequestMapping("/api/account")
class AccountController {

    private final OrganizationService organizations;
    private final StaffAdministration administration;
    private final CurrentUser currentUser;

    AccountController(OrganizationService organizations, StaffAdministration administration, CurrentUser currentUser) {
        this.organizations = organizations;
        this.administration = administration;
        this.currentUser = currentUser;
    }

    record Account(String userId, String name, String position, String organization, boolean mustChangePassword) {
    }

    record PasswordChange(String currentPassword, String newPassword, String newPasswordRepeat) {
    }

    @GetMapping
    Account account() {
        Employee employee = organizations.employee(currentUser.userId());
        return new Account(employee.getUserId(), employee.shortName(), employee.getPosition(),
                organizations.organization(employee.getOrganizationId()).getShortName(), employee.isMustChangePassword());
    }

    @PostMapping("/password")
    Map<String, String> changePassword(@RequestBody PasswordChange change) {
        administration.changeOwnPassword(currentUser.userId(), change.currentPassword(), change.newPassword(),
                change.newPasswordRepeat());
        return Map.of("status", "changed");
    }
}
