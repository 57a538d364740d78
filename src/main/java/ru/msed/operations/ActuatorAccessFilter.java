package ru.msed.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import ru.msed.organization.StaffAdministration;
import ru.msed.security.SessionOrBasicAuthenticationProvider;

/** Probes open; the rest of the actuator for technical support ({@code camunda-admin}) only. */
class ActuatorAccessFilter extends HttpFilter {

    static final Set<String> PROBES = Set.of("/actuator/health/liveness", "/actuator/health/readiness");

    private final ProcessEngine engine;
    private final SessionOrBasicAuthenticationProvider authentication = new SessionOrBasicAuthenticationProvider();

    ActuatorAccessFilter(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (PROBES.contains(path)) {
            chain.doFilter(request, response);
            return;
        }
        AuthenticationResult result = authentication.extractAuthenticatedUser(request, engine);
        if (!result.isAuthenticated()) {
            authentication.augmentResponseByAuthenticationChallenge(response, engine);
            problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Требуется вход", "Войдите как сотрудник технической поддержки.");
            return;
        }
        boolean support = engine.getIdentityService().createUserQuery().userId(result.getAuthenticatedUser())
                .memberOfGroup(StaffAdministration.SUPPORT_GROUP).count() > 0;
        if (!support) {
            problem(response, HttpServletResponse.SC_FORBIDDEN, "Доступ запрещён",
                    "Состояние и метрики сервера доступны только технической поддержке.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + title
                + "\",\"detail\":\"" + detail + "\"}");
    }
}
