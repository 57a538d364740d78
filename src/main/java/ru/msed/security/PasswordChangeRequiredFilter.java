package ru.msed.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import ru.msed.organization.OrganizationService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until a user replaces a password an administrator issued, nothing but their account endpoints
 * answer: 403 with a problem body that says so (the login page then shows the change form).
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final OrganizationService organizations;

    PasswordChangeRequiredFilter(IdentityService identityService, OrganizationService organizations) {
        this.identityService = identityService;
        this.organizations = organizations;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/account") || path.startsWith("/camunda/api/admin/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userId = userOf(request);
        if (userId != null && mustChangePassword(userId)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"status\":403,\"title\":\"Смените пароль\","
                    + "\"detail\":\"Пароль выдан администратором: смените его на странице входа (/login.html).\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private String userOf(HttpServletRequest request) {
        Authentication engineAuthentication = identityService.getCurrentAuthentication();
        if (engineAuthentication != null && engineAuthentication.getUserId() != null) {
            return engineAuthentication.getUserId();
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications == null || authentications.getAuthentications().isEmpty()
                ? null : authentications.getAuthentications().get(0).getIdentityId();
    }

    private boolean mustChangePassword(String userId) {
        return organizations.mustChangePassword(userId);
    }
}
