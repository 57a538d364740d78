package ru.msed.execution;

import java.util.Arrays;
import java.util.Optional;

/** The resolution author's decision on an extension, as its form sends it ({@code extensionDecision}). */
public enum ExtensionDecision {
    APPROVE("approve"), REJECT("reject");

    private final String formValue;

    ExtensionDecision(String formValue) {
        this.formValue = formValue;
    }

    public static Optional<ExtensionDecision> ofForm(String value) {
        return Arrays.stream(values()).filter(d -> d.formValue.equals(value)).findFirst();
    }
}
