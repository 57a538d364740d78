package ru.msed.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import ru.msed.organization.StaffAdministration;

/**
 * {@code POST …/identity/verify} checks a password. An ordinary user may check only their own
 * (technical support anyone's); any other is refused with 403. Every refused or failed check is
 * logged, audited and counted by the {@link LoginThrottle} like a failed login, so the endpoint is
 * no way around the throttle. Guards {@code /engine-rest} and the webapps' {@code /camunda/api/engine}.
 */
class IdentityVerifyGuard extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 16 * 1024;

    private final LoginThrottle throttle;
    private final IdentityService identityService;

    IdentityVerifyGuard(LoginThrottle throttle, IdentityService identityService) {
        this.throttle = throttle;
        this.identityService = identityService;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().endsWith("/identity/verify");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = caller(request);
        if (caller == null) {
            // Not authenticated: the authentication filters refuse it.
            chain.doFilter(request, response);
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request, MAX_BODY);
        String username = username(cached.body());
        if (cached.tooLarge() || username == null) {
            Problems.write(response, 400, "Ошибка в данных", "Укажите имя пользователя и пароль.");
            return;
        }
        String address = request.getRemoteAddr();
        String channel = "проверка пароля (identity/verify), проверял «" + caller.userId() + "»";
        Optional<Duration> paused = throttle.refuseIfPaused(username, address, channel);
        if (paused.isPresent()) {
            Problems.tooManyAttempts(response, paused.get());
            return;
        }
        if (!username.equals(caller.userId()) && !caller.support()) {
            throttle.failed(username, address, channel + ": чужой пароль, отказано");
            Problems.write(response, 403, "Нет доступа", "Проверять можно только собственный пароль.");
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(cached, captured);
        if (captured.getStatus() == 200 && !authenticated(captured.getContentAsByteArray())) {
            throttle.failed(username, address, channel + ": неверный пароль");
        } else if (captured.getStatus() == 200) {
            throttle.succeeded(username, address);
        }
        captured.copyBodyToResponse();
    }

    private record Caller(String userId, boolean support) {
    }

    private Caller caller(HttpServletRequest request) {
        Authentication engine = identityService.getCurrentAuthentication();
        if (engine != null && engine.getUserId() != null) {
            return new Caller(engine.getUserId(), isSupport(engine.getGroupIds()));
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        var webapp = authentications.getAuthenticationForProcessEngine("default");
        if (webapp == null || webapp.getIdentityId() == null) {
            return null;
        }
        return new Caller(webapp.getIdentityId(),
                webapp instanceof org.camunda.bpm.webapp.impl.security.auth.UserAuthentication user
                        && isSupport(user.getGroupIds()));
    }

    private static boolean isSupport(java.util.Collection<String> groups) {
        return groups != null && groups.contains(StaffAdministration.SUPPORT_GROUP);
    }

    private static String username(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode username = node == null ? null : node.get("username");
            return username == null || !username.isTextual() || username.asText().isBlank() ? null : username.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean authenticated(byte[] response) {
        try {
            JsonNode node = JSON.readTree(response);
            return node != null && node.path("authenticated").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    static List<String> paths() {
        return List.of("/engine-rest/identity/verify", "/camunda/api/engine/*");
    }
}
