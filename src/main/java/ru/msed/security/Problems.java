package ru.msed.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 problem bodies written by the security filters, which answer before any controller. */
final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("status", status);
        body.put("title", title);
        body.put("detail", detail);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
        response.flushBuffer();
    }

    /** 429 with Retry-After (whole seconds, rounded up). */
    static void tooManyAttempts(HttpServletResponse response, Duration retryAfter) throws IOException {
        long seconds = retryAfterSeconds(retryAfter);
        response.setHeader("Retry-After", Long.toString(seconds));
        write(response, 429, "Слишком много неудачных попыток входа",
                "Вход для этой учётной записи с вашего адреса приостановлен после неверных паролей. Повторите через "
                        + seconds + " с.");
    }

    static long retryAfterSeconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
