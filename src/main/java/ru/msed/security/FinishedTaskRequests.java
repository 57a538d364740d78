package ru.msed.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task a colleague has just completed (a group task two people opened) is gone: its form, its
 * variables and its submission get a Russian 404 that says so, where the engine's REST API answered
 * some of them with a 500 (a null pointer in its form's permission check, «Cannot find task» on submit).
 */
class FinishedTaskRequests extends OncePerRequestFilter {

    /** {@code task/{x}/...} paths whose {@code x} is not a task id. */
    private static final Set<String> NOT_IDS = Set.of("count", "create", "report");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    FinishedTaskRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> path = RestVariableGuard.enginePath(request);
        if (path.size() >= 3 && path.get(0).equals("task") && !NOT_IDS.contains(path.get(1)) && !exists(path.get(1))) {
            String detail = "Задача уже выполнена или отозвана — возможно, её только что выполнил коллега. Обновите список задач.";
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType("application/problem+json;charset=UTF-8");
            // "type"/"message" as Camunda's REST errors (Tasklist shows the message), plus RFC 9457 fields.
            response.getWriter().write(json.writeValueAsString(json.createObjectNode().put("type", "about:blank")
                    .put("title", "Задача не найдена").put("status", 404).put("detail", detail).put("message", detail)));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean exists(String taskId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM act_ru_task WHERE id_ = ?)", Boolean.class,
                taskId));
    }
}
