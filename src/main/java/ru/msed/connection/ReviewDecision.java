package ru.msed.connection;

import java.util.Arrays;
import java.util.Optional;

/** Technical support's decision on a request, as the review form sends it ({@code reviewDecision}). */
enum ReviewDecision {
    APPROVE("approve"), REJECT("reject");

    private final String formValue;

    ReviewDecision(String formValue) {
        this.formValue = formValue;
    }

    static Optional<ReviewDecision> ofForm(String value) {
        return Arrays.stream(values()).filter(d -> d.formValue.equals(value)).findFirst();
    }
}
