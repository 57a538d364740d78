package ru.msed.organization;

import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.msed.web.NotFoundException;

/**
 * The lists of the MSED login page (anonymous, as in the system it replaces): organizations, then
 * the enabled staff of the chosen one by surname with initials.
 */
@RestController
class LoginDirectoryController {

    private final OrganizationRepository organizations;
    private final EmployeeRepository employees;

    LoginDirectoryController(OrganizationRepository organizations, EmployeeRepository employees) {
        this.organizations = organizations;
        this.employees = employees;
    }

    record OrganizationEntry(String code, String name) {
    }

    record StaffEntry(String userId, String name, String position) {
    }

    @GetMapping("/login-api/organizations")
    @Transactional(readOnly = true)
    List<OrganizationEntry> organizations() {
        return organizations.findAll(org.springframework.data.domain.Sort.by("shortName")).stream()
                .map(o -> new OrganizationEntry(o.getCode(), o.getShortName())).toList();
    }

    @GetMapping("/login-api/organizations/{code}/staff")
    @Transactional(readOnly = true)
    List<StaffEntry> staff(@PathVariable String code) {
        Organization organization = organizations.findByCode(code)
                .orElseThrow(() -> new NotFoundException("Организация не найдена."));
        return employees.findByOrganizationIdAndEnabledTrueOrderByLastName(organization.getId()).stream()
                .map(e -> new StaffEntry(e.getUserId(), e.shortName(), e.getPosition())).toList();
    }
}
