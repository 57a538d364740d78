package ru.msed.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The anonymous login lists answer at most {@code msed.login.directory-requests-per-minute} requests
 * per client address and minute (a fixed window; typing with suggestions needs a few a second at
 * most), then 429 with Retry-After until the minute is over. Counted in this node's memory.
 */
class LoginDirectoryRateLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("ru.msed.security.login");
    private static final long WINDOW = Duration.ofMinutes(1).toMillis();

    private final int perMinute;
    private final Clock clock;
    private final Cache<String, Window> windows;

    LoginDirectoryRateLimit(LoginProperties properties, Clock clock) {
        this.perMinute = properties.directoryRequestsPerMinute();
        this.clock = clock;
        this.windows = Caffeine.newBuilder().maximumSize(properties.trackedKeys())
                .expireAfterWrite(Duration.ofMillis(2 * WINDOW)).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The pages' CSRF token is no directory listing: pages ask for it before every change.
        return !"GET".equals(request.getMethod()) || request.getRequestURI().endsWith(PageCsrfToken.PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long now = clock.millis();
        Window window = windows.asMap().compute(request.getRemoteAddr(), (address, w) ->
                w == null || now - w.start >= WINDOW ? new Window(now) : w);
        int count;
        synchronized (window) {
            count = ++window.count;
        }
        if (count > perMinute) {
            if (count == perMinute + 1) {
                log.warn("Login lists: more than {} requests a minute from {}, refused until the minute is over", perMinute,
                        request.getRemoteAddr());
            }
            long left = window.start + WINDOW - now;
            response.setHeader("Retry-After", Long.toString(Problems.retryAfterSeconds(Duration.ofMillis(left))));
            Problems.write(response, 429, "Слишком много запросов",
                    "Списки страницы входа запрашиваются слишком часто с вашего адреса. Повторите через "
                            + Problems.retryAfterSeconds(Duration.ofMillis(left)) + " с.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static final class Window {
        final long start;
        int count;

        Window(long start) {
            this.start = start;
        }
    }
}
