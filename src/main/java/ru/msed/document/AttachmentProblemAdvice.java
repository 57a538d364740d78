package ru.msed.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ru.msed.content.ContentStoreException;
import ru.msed.web.ProblemBodies;

/** Files the store cannot give, or a store that does not answer: Russian problem details, before the general handler. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttachmentProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(AttachmentProblemAdvice.class);

    /** A server-side fault the user cannot fix: 500, with what support needs to find it. */
    @ExceptionHandler(AttachmentUnavailableException.class)
    ProblemDetail unavailable(AttachmentUnavailableException e) {
        ProblemDetail problem = ProblemBodies.of(HttpStatus.INTERNAL_SERVER_ERROR, "Файл недоступен", e.getMessage());
        problem.setProperty("fileProblem", e.kind().name());
        return problem;
    }

    @ExceptionHandler(FileStoreUnavailableException.class)
    ProblemDetail storeUnavailable(FileStoreUnavailableException e) {
        return ProblemBodies.of(HttpStatus.SERVICE_UNAVAILABLE, "Хранилище файлов недоступно", e.getMessage());
    }

    @ExceptionHandler(ContentStoreException.class)
    ProblemDetail storeFailed(ContentStoreException e) {
        log.error("Content store failure", e);
        return ProblemBodies.of(HttpStatus.SERVICE_UNAVAILABLE, "Хранилище файлов недоступно",
                "Хранилище файлов не ответило. Повторите попытку позже или обратитесь в техническую поддержку.");
    }
}
