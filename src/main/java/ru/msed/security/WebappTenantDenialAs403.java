package ru.msed.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' own APIs ({@code /camunda/api/engine}, {@code /tasklist}, {@code /cockpit},
 * {@code /admin}) are JAX-RS applications of their own that {@link TenantDenialAs403} does not reach:
 * there the engine's refusal of another organization's object (ENGINE-13034) comes out as 500.
 * This filter holds back a 500 answer, and if it is that refusal, answers 403 in the same shape
 * as the engine REST API's authorization errors, with a Russian message. Other answers pass unchanged.
 */
class WebappTenantDenialAs403 extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HoldServerErrors held = new HoldServerErrors(response);
        chain.doFilter(request, held);
        if (!held.holding) {
            return;
        }
        byte[] body = held.buffer.toByteArray();
        if (held.writer != null) {
            held.writer.flush();
            body = held.buffer.toByteArray();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.contains(TenantDenialAs403.UNAUTHORIZED_TENANT)) {
            Map<String, Object> denial = new LinkedHashMap<>();
            denial.put("type", "AuthorizationException");
            denial.put("message", "Объект принадлежит другой организации.");
            denial.put("status", 403);
            denial.put("title", "Нет доступа");
            denial.put("detail", "Объект принадлежит другой организации.");
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            byte[] json = JSON.writeValueAsBytes(denial);
            response.setContentLength(json.length);
            response.getOutputStream().write(json);
        } else {
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            if (held.errorMessage != null && body.length == 0) {
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, held.errorMessage);
                return;
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** Passes everything through, except a 500: its status and body are held for the filter to decide. */
    private static final class HoldServerErrors extends HttpServletResponseWrapper {

        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        boolean holding;
        String errorMessage;
        PrintWriter writer;

        HoldServerErrors(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            if (sc == SC_INTERNAL_SERVER_ERROR) {
                holding = true;
            } else {
                super.setStatus(sc);
            }
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (sc == SC_INTERNAL_SERVER_ERROR) {
                holding = true;
                errorMessage = msg == null ? "" : msg;
            } else {
                super.sendError(sc, msg);
            }
        }

        @Override
        public int getStatus() {
            return holding ? SC_INTERNAL_SERVER_ERROR : super.getStatus();
        }

        @Override
        public void setContentLength(int len) {
            if (!holding) {
                super.setContentLength(len);
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            if (!holding) {
                super.setContentLengthLong(len);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!holding) {
                return super.getOutputStream();
            }
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!holding) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!holding) {
                super.flushBuffer();
            }
        }
    }
}
