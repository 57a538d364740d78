package ru.msed.web;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The user the request was authenticated as (by {@link ApiAuthenticationConfiguration}). */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String userId() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new IllegalStateException("No authenticated user on an authenticated path");
        }
        return authentication.getUserId();
    }

    /** The user's groups (roles and department), as the authentication filter loaded them for the engine. */
    public List<String> groupIds() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    }
}
