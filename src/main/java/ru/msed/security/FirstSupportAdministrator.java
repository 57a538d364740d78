package ru.msed.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.msed.organization.OrganizationService;

/**
 * In production the first technical-support administrator comes from the environment
 * ({@code MSED_ADMIN_USER}, {@code MSED_ADMIN_PASSWORD}), once: an existing user is never touched.
 */
@Component
@Order(20)
class FirstSupportAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstSupportAdministrator.class);

    private final OrganizationService organizations;
    private final String userId;
    private final String password;

    FirstSupportAdministrator(OrganizationService organizations, @Value("${MSED_ADMIN_USER:}") String userId,
            @Value("${MSED_ADMIN_PASSWORD:}") String password) {
        this.organizations = organizations;
        this.userId = userId;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (userId.isBlank() || password.isBlank() || organizations.userExists(userId)) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("MSED_ADMIN_PASSWORD must be at least 12 characters");
        }
        organizations.createSupportUser(userId, "Техническая", "поддержка", password);
        log.info("Support administrator '{}' created from the environment", userId);
    }
}
