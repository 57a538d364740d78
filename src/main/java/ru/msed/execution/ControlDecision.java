package ru.msed.execution;

import java.util.Arrays;
import java.util.Optional;

/** The controller's verdict on a report, as the control form sends it ({@code controllerDecision}). */
public enum ControlDecision {
    ACCEPTED("accept"), RETURNED("return");

    private final String formValue;

    ControlDecision(String formValue) {
        this.formValue = formValue;
    }

    public static Optional<ControlDecision> ofForm(String value) {
        return Arrays.stream(values()).filter(d -> d.formValue.equals(value)).findFirst();
    }
}
