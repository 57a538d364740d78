package ru.msed.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs refused logins (webapp login form and HTTP Basic) with the login name and the client's
 * address — never the password. Repeated failures lock the account for a growing delay (the
 * engine's login-attempt settings).
 */
class FailedLoginLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("ru.msed.security.login");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status == HttpServletResponse.SC_UNAUTHORIZED || isRefusedFormLogin(request, status)) {
            String user = loginName(request);
            if (user != null) {
                log.warn("Failed login for user '{}' from {} ({} {})", user, request.getRemoteAddr(), request.getMethod(),
                        request.getRequestURI());
            }
        }
    }

    private static boolean isRefusedFormLogin(HttpServletRequest request, int status) {
        return request.getRequestURI().contains("/auth/user/") && request.getRequestURI().contains("/login/") && status >= 400;
    }

    private static String loginName(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return "<malformed>";
            }
        }
        return request.getParameter("username");
    }
}
