package ru.msed.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import java.time.LocalDate;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the application's errors (and Spring MVC's own, through the base class) into RFC 9457 problem details with Russian titles;
 * never a stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(UserInputException.class)
    ProblemDetail invalidInput(UserInputException e) {
        ProblemDetail problem = ProblemBodies.of(HttpStatus.BAD_REQUEST, "Ошибка в данных", e.getMessage());
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemBodies.of(HttpStatus.NOT_FOUND, "Не найдено", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return ProblemBodies.of(HttpStatus.FORBIDDEN, "Нет доступа", e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedByPartHeader(e)) {
            // Tomcat reports a part's over-long header (a file name of thousands of characters) as a size limit.
            return ResponseEntity.badRequest().body(ProblemBodies.of(HttpStatus.BAD_REQUEST, "Ошибка в данных",
                    "Имя файла слишком длинное: сократите его до " + UploadedFiles.MAX_NAME + " символов и загрузите файл снова."));
        }
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ProblemBodies.of(HttpStatus.PAYLOAD_TOO_LARGE,
                "Файл слишком большой", "Размер файла превышает допустимый предел."));
    }

    /**
     * Spring MVC's own refusals (a parameter of the wrong type, a missing part, unreadable JSON …)
     * come with English details: every one gets a Russian title and detail.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail russian = ProblemBodies.of(HttpStatus.valueOf(status.value()), title(status), detail(e, status));
        if (body instanceof ProblemDetail original && original.getProperties() != null
                && original.getProperties().containsKey("errors")) {
            russian.setProperty("errors", original.getProperties().get("errors"));
        }
        return super.handleExceptionInternal(e, russian, headers, status, request);
    }

    private static String title(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Ошибка в запросе";
            case 404 -> "Не найдено";
            case 405 -> "Метод не поддерживается";
            case 406 -> "Формат ответа не поддерживается";
            case 413 -> "Файл слишком большой";
            case 415 -> "Формат данных не поддерживается";
            default -> status.is4xxClientError() ? "Ошибка в запросе" : "Внутренняя ошибка";
        };
    }

    private static String detail(Exception e, HttpStatusCode status) {
        if (e instanceof TypeMismatchException mismatch) {
            String name = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                    : mismatch.getPropertyName();
            Class<?> type = mismatch.getRequiredType();
            String expected = type == null ? "" : type == LocalDate.class ? ": ожидается дата ГГГГ-ММ-ДД, например 2026-11-30"
                    : Number.class.isAssignableFrom(type) || type.isPrimitive() ? ": ожидается число" : "";
            return "Неверное значение параметра «" + name + "»: «" + shortened(mismatch.getValue()) + "»" + expected + ".";
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return "Не указан параметр «" + missing.getParameterName() + "».";
        }
        if (e instanceof MissingServletRequestPartException missing) {
            return "Не приложен файл «" + missing.getRequestPartName() + "».";
        }
        if (e instanceof HttpMessageNotReadableException) {
            return "Тело запроса не читается: проверьте, что это правильный JSON нужной структуры.";
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return "Данные этого формата не принимаются.";
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            return "Метод " + method.getMethod() + " для этого адреса не поддерживается.";
        }
        if (e instanceof MethodArgumentNotValidException || e instanceof HandlerMethodValidationException) {
            return "Данные не прошли проверку.";
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return "Такой страницы или адреса нет.";
        }
        if (e instanceof MultipartException) {
            return "Файлы в запросе не читаются: отправьте их как multipart/form-data.";
        }
        return status.is4xxClientError() ? "Запрос не может быть выполнен." : "Операция не выполнена. Повторите попытку "
                + "или обратитесь в техническую поддержку.";
    }

    private static String shortened(Object value) {
        String text = String.valueOf(value);
        return text.length() > 50 ? text.substring(0, 50) + "…" : text;
    }

    private static boolean causedByPartHeader(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("header")) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(TooManyAttemptsException.class)
    ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttemptsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(ProblemBodies.of(HttpStatus.TOO_MANY_REQUESTS, "Слишком много неудачных попыток", e.getMessage()));
    }

    /** A multipart body that does not parse (cut off, no boundary): the client's fault, not the server's. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return ProblemBodies.of(HttpStatus.BAD_REQUEST, "Ошибка в запросе", "Файлы в запросе не читаются: отправьте их как "
                + "multipart/form-data.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ProblemBodies.of(HttpStatus.INTERNAL_SERVER_ERROR, "Внутренняя ошибка",
                "Операция не выполнена. Повторите попытку или обратитесь в техническую поддержку.");
    }
}
