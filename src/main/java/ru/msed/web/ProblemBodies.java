package ru.msed.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The shape every refusal of the API takes: an RFC 9457 problem with a Russian title and detail. */
public final class ProblemBodies {

    private ProblemBodies() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
