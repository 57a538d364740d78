package ru.msed.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * A request is authenticated by the session of a user logged in to the Camunda webapps (so a
 * link from a Tasklist form works), or else by HTTP Basic against the engine's users (Modeler's
 * deployment, scripts). Used for the application's {@code /api}; {@code /engine-rest} takes
 * HTTP Basic only.
 *
 * <p>A refusal answers a Russian problem. Only a client that may speak HTTP Basic is challenged
 * for it: a browser page's request (a session cookie, {@code X-Requested-With} or the browser's own
 * {@code Sec-Fetch-Mode}) without an {@code Authorization} header gets 401 without
 * {@code WWW-Authenticate}, so no browser login dialog pops up over the page; a session user's
 * change without the session's CSRF token gets 403 («обновите страницу»).
 */
public class SessionOrBasicAuthenticationProvider implements AuthenticationProvider {

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");
    /** Where the webapps' CsrfPreventionFilter keeps its token, and the header Tasklist sends it in. */
    static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    /** The session cookie's name (server.servlet.session.cookie.name in application.yml). */
    static final String SESSION_COOKIE = "JSESSIONID";

    /** Why the last request on this thread was refused; the filter asks for the challenge right after. */
    private static final ThreadLocal<Refusal> REFUSAL = new ThreadLocal<>();

    enum Refusal {
        /** A script or Modeler: may answer the Basic challenge. */
        BASIC,
        /** A browser page without a (live) session: log in again, no dialog. */
        LOGIN,
        /** A logged-in page sending a change without the session's CSRF token. */
        STALE_PAGE
    }

    private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        REFUSAL.remove();
        HttpSession session = request.getSession(false);
        if (session != null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            Authentication authentication = authentications == null
                    ? null : authentications.getAuthenticationForProcessEngine(engine.getName());
            if (authentication != null && authentication.getIdentityId() != null) {
                // A cookie alone must not change anything: unsafe methods carry the webapps' CSRF token.
                if (!SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request, session)) {
                    REFUSAL.set(Refusal.STALE_PAGE);
                    return AuthenticationResult.unsuccessful();
                }
                return AuthenticationResult.successful(authentication.getIdentityId());
            }
        }
        AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
        if (!result.isAuthenticated()) {
            REFUSAL.set(fromBrowserPage(request) ? Refusal.LOGIN : Refusal.BASIC);
        }
        return result;
    }

    /** A page of a browser that did not offer Basic credentials: challenging it would open the browser's dialog. */
    static boolean fromBrowserPage(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) {
            return false;
        }
        return carriesSessionCookie(request) || request.getHeader("X-Requested-With") != null
                || request.getHeader("Sec-Fetch-Mode") != null;
    }

    /**
     * Any session cookie, live or expired: Spring Session reports a requested session id only when the
     * session still exists, and an expired one is exactly the page that must not get the dialog.
     */
    private static boolean carriesSessionCookie(HttpServletRequest request) {
        if (request.getRequestedSessionId() != null) {
            return true;
        }
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        return cookies != null && java.util.Arrays.stream(cookies).anyMatch(cookie -> SESSION_COOKIE.equals(cookie.getName()));
    }

    private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
        String given = request.getHeader(CSRF_HEADER);
        return expected != null && expected.equals(given);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        Refusal refusal = REFUSAL.get();
        REFUSAL.remove();
        try {
            switch (refusal == null ? Refusal.BASIC : refusal) {
                case STALE_PAGE -> Problems.write(response, 403, "Страница устарела",
                        "Действие не выполнено: страница открыта в прежнем сеансе. Обновите страницу и повторите действие.");
                case LOGIN -> Problems.write(response, 401, "Требуется вход",
                        "Сеанс завершён или вход не выполнен. Войдите в МСЭД заново и повторите действие.");
                case BASIC -> {
                    basic.augmentResponseByAuthenticationChallenge(response, engine);
                    Problems.write(response, 401, "Требуется вход",
                            "Войдите в МСЭД или передайте имя пользователя и пароль (HTTP Basic).");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
