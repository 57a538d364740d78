package ru.msed.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every password that arrives with a request goes through the {@link LoginThrottle}: HTTP Basic on
 * {@code /engine-rest} and {@code /api}, and the Camunda webapps' own login form
 * ({@code /camunda/api/admin/auth/user/{engine}/login/{app}}). A paused login answers 429 before
 * its password is checked; a 401 counts as a failure, anything else as the right password.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean formLogin = isWebappLogin(request, path);
        String login = formLogin ? request.getParameter("username") : basicLogin(request);
        if (login == null) {
            chain.doFilter(request, response);
            return;
        }
        String channel = formLogin ? "вход в веб-приложения Camunda" : "HTTP Basic " + root(path);
        String address = request.getRemoteAddr();
        Optional<Duration> paused = throttle.refuseIfPaused(login, address, channel);
        if (paused.isPresent()) {
            Problems.tooManyAttempts(response, paused.get());
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(login, address, channel);
        } else if (response.getStatus() < 500) {
            throttle.succeeded(login, address);
        }
    }

    static boolean isWebappLogin(HttpServletRequest request, String path) {
        return "POST".equals(request.getMethod()) && path.startsWith("/camunda/api/admin/auth/user/")
                && path.contains("/login/");
    }

    private static String root(String path) {
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second);
    }

    static String basicLogin(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "<malformed>";
        }
    }
}
