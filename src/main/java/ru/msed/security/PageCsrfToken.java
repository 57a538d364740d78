package ru.msed.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import ru.msed.web.ProblemBodies;
import org.springframework.web.bind.annotation.RestController;

/**
 * The session's CSRF token for the application's own pages. The webapps' CSRF filter hands a token
 * out (header and a cookie with path {@code /camunda}) only once, when it creates it — usually to
 * Tasklist — so a page outside {@code /camunda} opened later in the same session could never send a
 * change. This answers the token the session already has, to same-origin scripts only: the custom
 * {@code X-Requested-With} header cannot be sent cross-site without a CORS preflight (which nothing
 * here allows), and a browser's {@code Sec-Fetch-Site} other than same-origin is refused. A session
 * without a token gets 404: the page first asks the webapps' filter, which creates one.
 */
@RestController
class PageCsrfToken {

    static final String PATH = "/login-api/csrf-token";

    @GetMapping(PATH)
    ResponseEntity<?> token(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With")) || site != null && !"same-origin".equals(site)) {
            return problem(HttpStatus.FORBIDDEN, "Нет доступа", "Ключ защиты выдаётся только страницам МСЭД.");
        }
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(SessionOrBasicAuthenticationProvider.CSRF_SESSION_ATTRIBUTE);
        if (token == null) {
            return problem(HttpStatus.NOT_FOUND, "Сеанс не начат", "Обновите страницу.");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("token", token));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(ProblemBodies.of(status, title, detail));
    }
}
