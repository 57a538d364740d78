package ru.msed.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.msed.web.ProblemBodies;
import ru.msed.organization.Employee;
import ru.msed.organization.OrganizationService;

/**
 * The MSED login: the page sends the public id of the person chosen in the lists and the password;
 * the login is resolved here, the password checked through the {@link LoginThrottle}, and the
 * session gets the Camunda webapps' authentication exactly as their own login creates it (groups,
 * tenants, authorized apps, cache validation time) under a new session id, so Tasklist, Cockpit and
 * {@code /api} then work with it.
 */
@RestController
class MsedLogin {

    static final String CHANNEL = "вход МСЭД";

    private final OrganizationService organizations;
    private final ProcessEngine engine;
    private final LoginThrottle throttle;

    MsedLogin(OrganizationService organizations, ProcessEngine engine, LoginThrottle throttle) {
        this.organizations = organizations;
        this.engine = engine;
        this.throttle = throttle;
    }

    record Credentials(String staffId, String password) {
    }

    record LoggedIn(String name, String organization, boolean mustChangePassword, List<String> apps, String next) {
    }

    @PostMapping("/login-api/login")
    ResponseEntity<?> login(@RequestBody(required = false) Credentials credentials, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        // Like the webapps' own login: only a page of this site holding the session's CSRF token logs in.
        Object token = session == null ? null : session.getAttribute(SessionOrBasicAuthenticationProvider.CSRF_SESSION_ATTRIBUTE);
        if (token == null || !token.equals(request.getHeader(SessionOrBasicAuthenticationProvider.CSRF_HEADER))) {
            return problem(HttpStatus.FORBIDDEN, "Страница входа устарела", "Обновите страницу входа и повторите вход.");
        }
        if (credentials == null || credentials.staffId() == null || credentials.password() == null
                || credentials.password().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "Ошибка в данных", "Выберите организацию и фамилию и введите пароль.");
        }
        Optional<Employee> employee = organizations.findEnabledByPublicId(credentials.staffId());
        // An unknown id is throttled under the id itself, so guessing ids costs the same as guessing passwords.
        String login = employee.map(Employee::getUserId).orElse("id:" + credentials.staffId());
        String address = request.getRemoteAddr();
        Optional<Duration> paused = throttle.refuseIfPaused(login, address, CHANNEL);
        if (paused.isPresent()) {
            long seconds = Problems.retryAfterSeconds(paused.get());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(ProblemBodies.of(HttpStatus.TOO_MANY_REQUESTS, "Слишком много неудачных попыток входа",
                            "Вход для этой учётной записи с вашего адреса приостановлен после неверных паролей. Повторите через "
                                    + seconds + " с."));
        }
        engine.getIdentityService().clearAuthentication();
        UserAuthentication authentication = employee.isPresent()
                && engine.getIdentityService().checkPassword(login, credentials.password())
                        ? AuthenticationUtil.createAuthentication(engine, login) : null;
        if (authentication == null) {
            throttle.failed(login, address, CHANNEL);
            return problem(HttpStatus.UNAUTHORIZED, "Вход не выполнен", "Неверный пароль.");
        }
        throttle.succeeded(login, address);
        var cacheValidation = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
        if (cacheValidation != null) {
            authentication.setCacheValidationTime(cacheValidation);
        }
        // A new session id against fixation; the webapps' authentication moves into it.
        AuthenticationUtil.revalidateSession(request, authentication);
        List<String> apps = authentication.getAuthorizedApps().stream().sorted().toList();
        Employee person = employee.get();
        return ResponseEntity.ok(new LoggedIn(person.shortName(),
                organizations.organization(person.getOrganizationId()).getShortName(), person.isMustChangePassword(), apps,
                next(apps)));
    }

    private static String next(List<String> apps) {
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            if (apps.contains(app)) {
                return "/camunda/app/" + app + "/";
            }
        }
        return "/camunda/app/welcome/";
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(ProblemBodies.of(status, title, detail));
    }

}
