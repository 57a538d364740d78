package ru.msed.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.MDC;

/**
 * Puts the request's user and organization (the user's tenants) into the logging context, so
 * every line a request writes says whose it is: ids only, no names.
 */
class RequestLogContext extends HttpFilter {

    static final String USER = "user";
    static final String ORGANIZATION = "organization";

    private final ProcessEngine engine;

    RequestLogContext(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String user = null;
        List<String> tenants = List.of();
        Authentication engineAuthentication = engine.getIdentityService().getCurrentAuthentication();
        if (engineAuthentication != null && engineAuthentication.getUserId() != null) {
            user = engineAuthentication.getUserId();
            tenants = engineAuthentication.getTenantIds() == null ? List.of() : engineAuthentication.getTenantIds();
        } else {
            HttpSession session = request.getSession(false);
            Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            if (authentications != null
                    && authentications.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication webapp) {
                user = webapp.getIdentityId();
                tenants = webapp.getTenantIds() == null ? List.of() : webapp.getTenantIds();
            }
        }
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(USER, user);
        if (!tenants.isEmpty()) {
            MDC.put(ORGANIZATION, String.join(",", tenants));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(USER);
            MDC.remove(ORGANIZATION);
        }
    }
}
