package ru.msed.appeal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the public appeal form (no login): strict response headers on its page and endpoints (a
 * content security policy allowing the page's own script and style only, no framing, no sniffing, no
 * referrer, no caching of answers), and on a submission, before its body is read: the rate limit per
 * address ({@code msed.appeals.online.rate-limit} within {@code rate-window}, counted in the database so
 * every node sees it; more answer 429 and create nothing) and the largest body the form can send (413).
 * A submission must state its length (a browser always does): the container's multipart limit follows the
 * staff's attachments (200 MB), far beyond what an anonymous sender may make the server spool (411).
 */
class PublicAppealFilter extends OncePerRequestFilter {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Logger log = LoggerFactory.getLogger(PublicAppealFilter.class);

    private final JdbcTemplate jdbc;
    private final AppealProperties properties;
    private final Clock clock;

    PublicAppealFilter(JdbcTemplate jdbc, AppealProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/public-api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        if ("POST".equals(request.getMethod()) && path.equals("/public-api/appeals")) {
            AppealProperties.Online online = properties.online();
            long largest = online.maxFiles() * online.maxFileSize().toBytes() + 256 * 1024;
            if (request.getContentLengthLong() < 0) {
                refuse(response, 411, "Не указана длина запроса", "Отправьте обращение через форму на странице.");
                return;
            }
            if (request.getContentLengthLong() > largest) {
                refuse(response, 413, "Слишком большой запрос", "Файлы обращения вместе больше допустимого.");
                return;
            }
            if (!admit(request.getRemoteAddr(), online)) {
                log.warn("Public appeal refused by the rate limit");
                response.setHeader("Retry-After", Long.toString(online.rateWindow().toSeconds()));
                refuse(response, 429, "Слишком много обращений", "С этого адреса уже отправлено " + online.rateLimit()
                        + " обращений. Повторите попытку позже.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Counts this attempt unless the address has used up its window; old attempts are forgotten. */
    private boolean admit(String address, AppealProperties.Online online) {
        Instant now = Instant.now(clock);
        Timestamp windowStart = Timestamp.from(now.minus(online.rateWindow()));
        String hash = hash(address);
        jdbc.update("DELETE FROM public_submission WHERE submitted_at < ?", windowStart);
        Integer recent = jdbc.queryForObject("SELECT count(*) FROM public_submission WHERE address_hash = ? AND submitted_at >= ?",
                Integer.class, hash, windowStart);
        if (recent != null && recent >= online.rateLimit()) {
            return false;
        }
        jdbc.update("INSERT INTO public_submission (address_hash, submitted_at) VALUES (?, ?)", hash, Timestamp.from(now));
        return true;
    }

    private static String hash(String address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    ("msed-public-form:" + address).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refuse(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + title
                + "\",\"detail\":\"" + detail + "\"}");
    }
}
