package ru.msed.connection;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import ru.msed.organization.Employee;
import ru.msed.organization.OrganizationService;
import ru.msed.organization.StaffAdministration;

/** Who sends a request: technical support (any organization) or an organization's administrator (their own). */
@Component
class Applicants {

    private final IdentityService identity;
    private final OrganizationService organizations;

    Applicants(IdentityService identity, OrganizationService organizations) {
        this.identity = identity;
        this.organizations = organizations;
    }

    boolean isSupport(String userId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(StaffAdministration.SUPPORT_GROUP).count() > 0;
    }

    Long organizationOf(String userId) {
        return organizations.findEmployee(userId).map(Employee::getOrganizationId).orElse(null);
    }

    /** The applicant's e-mail from the identity store, else the login (the outbox keeps it for support). */
    String emailOf(String userId) {
        var user = identity.createUserQuery().userId(userId).singleResult();
        return user != null && user.getEmail() != null ? user.getEmail() : userId;
    }
}
