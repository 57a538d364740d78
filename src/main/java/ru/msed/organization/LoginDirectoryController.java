package ru.msed.organization;

import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.beans.factory.annotation.Value;
import ru.msed.web.NotFoundException;

/**
 * The lists of the MSED login page (anonymous, as in the system it replaces), searched as the user
 * types: organizations by name or code, then the enabled staff of the chosen one by the first
 * letters of the surname. Staff are named by display name and a random public id — never by their
 * login. Both answer a bounded number of entries and are rate-limited per client address
 * ({@code LoginDirectoryRateLimit}).
 */
@RestController
class LoginDirectoryController {

    private final OrganizationRepository organizations;
    private final EmployeeRepository employees;
    private final int maxResults;

    LoginDirectoryController(OrganizationRepository organizations, EmployeeRepository employees,
            @Value("${msed.login.directory-max-results:20}") int maxResults) {
        this.organizations = organizations;
        this.employees = employees;
        this.maxResults = maxResults;
    }

    record OrganizationEntry(String code, String name, String fullName) {
    }

    record StaffEntry(String id, String name, String position) {
    }

    @GetMapping("/login-api/organizations")
    @Transactional(readOnly = true)
    List<OrganizationEntry> organizations(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) Integer limit) {
        String text = normalized(q);
        return organizations.search("%" + escaped(text) + "%", text, limit(limit)).stream()
                .map(o -> new OrganizationEntry(o.getCode(), o.getShortName(), o.getFullName())).toList();
    }

    @GetMapping("/login-api/organizations/{code}/staff")
    @Transactional(readOnly = true)
    List<StaffEntry> staff(@PathVariable String code, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) Integer limit) {
        Organization organization = organizations.findByCode(code)
                .orElseThrow(() -> new NotFoundException("Организация не найдена."));
        return employees.findStaffBySurname(organization.getId(), escaped(normalized(q)) + "%", limit(limit)).stream()
                .map(e -> new StaffEntry(e.getPublicId().toString(), e.shortName(), e.getPosition())).toList();
    }

    private Limit limit(Integer requested) {
        int max = maxResults;
        return Limit.of(requested == null || requested < 1 || requested > max ? max : requested);
    }

    private static String normalized(String q) {
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        return text.length() > 100 ? text.substring(0, 100) : text;
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
