package ru.msed.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import ru.msed.organization.Employee;
import ru.msed.organization.OrganizationService;
import ru.msed.web.NotFoundException;

/** The user the request was authenticated as (by {@link ApiAuthenticationConfiguration}). */
@Component
public class CurrentUser {

    private final IdentityService identityService;
    private final OrganizationService organizations;

    CurrentUser(IdentityService identityService, OrganizationService organizations) {
        this.identityService = identityService;
        this.organizations = organizations;
    }

    public String userId() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new IllegalStateException("No authenticated user on an authenticated path");
        }
        return authentication.getUserId();
    }

    /**
     * Refuses (as "not found", so ids cannot be probed) an object of another organization.
     */
    public void requireSameOrganization(long organizationId, String what) {
        Employee employee = organizations.findEmployee(userId())
                .orElseThrow(() -> new NotFoundException(what + " не найден."));
        if (employee.getOrganizationId() != organizationId) {
            throw new NotFoundException(what + " не найден.");
        }
    }
}
