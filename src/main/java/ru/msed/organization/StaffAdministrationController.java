package ru.msed.organization;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.msed.organization.StaffAdministration.StaffMember;
import ru.msed.web.CurrentUser;
import ru.msed.web.UserInputException;

/** The organization administrator's user management (own organization only). */
@RestController
@RequestMapping("/api/admin/users")
class StaffAdministrationController {

    private final StaffAdministration administration;
    private final CurrentUser currentUser;

    StaffAdministrationController(StaffAdministration administration, CurrentUser currentUser) {
        this.administration = administration;
        this.currentUser = currentUser;
    }

    @GetMapping
    List<StaffMember> staff() {
        return administration.staff(currentUser.userId());
    }

    @PostMapping("/{userId}/disable")
    Map<String, String> disable(@PathVariable String userId) {
        administration.disable(currentUser.userId(), userId);
        return Map.of("userId", userId, "status", "disabled");
    }

    /** The temporary password is shown once, to the administrator, and must be changed at first login. */
    @PostMapping("/{userId}/enable")
    Map<String, String> enable(@PathVariable String userId) {
        return Map.of("userId", userId, "temporaryPassword", administration.enable(currentUser.userId(), userId));
    }

    @PostMapping("/{userId}/password")
    Map<String, String> resetPassword(@PathVariable String userId) {
        return Map.of("userId", userId, "temporaryPassword", administration.resetPassword(currentUser.userId(), userId));
    }

    @PutMapping("/{userId}/roles")
    Map<String, Object> roles(@PathVariable String userId, @RequestBody List<String> roles) {
        List<Role> parsed = roles.stream().map(StaffAdministrationController::role).toList();
        administration.changeRoles(currentUser.userId(), userId, parsed);
        return Map.of("userId", userId, "roles", roles);
    }

    private static Role role(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name) || role.groupId().equals(name)) {
                return role;
            }
        }
        throw new UserInputException("Неизвестная роль «" + name + "».");
    }
}
