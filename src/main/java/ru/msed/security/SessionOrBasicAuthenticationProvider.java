package ru.msed.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
 */
public class SessionOrBasicAuthenticationProvider implements AuthenticationProvider {

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");
    /** Where the webapps' CsrfPreventionFilter keeps its token, and the header Tasklist sends it in. */
    static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            Authentication authentication = authentications == null
                    ? null : authentications.getAuthenticationForProcessEngine(engine.getName());
            if (authentication != null && authentication.getIdentityId() != null) {
                // A cookie alone must not change anything: unsafe methods carry the webapps' CSRF token.
                if (!SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request, session)) {
                    return AuthenticationResult.unsuccessful();
                }
                return AuthenticationResult.successful(authentication.getIdentityId());
            }
        }
        return basic.extractAuthenticatedUser(request, engine);
    }

    private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
        String given = request.getHeader(CSRF_HEADER);
        return expected != null && expected.equals(given);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        basic.augmentResponseByAuthenticationChallenge(response, engine);
    }
}
