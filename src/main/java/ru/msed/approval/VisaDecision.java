package ru.msed.approval;

import java.util.Arrays;
import java.util.Optional;

/** An approver's decision on a draft, as the visa form sends it ({@code visaDecision}). */
public enum VisaDecision {
    APPROVE("approve"), APPROVE_WITH_REMARKS("approve_with_remarks"), REJECT("reject");

    private final String formValue;

    VisaDecision(String formValue) {
        this.formValue = formValue;
    }

    public static Optional<VisaDecision> ofForm(String value) {
        return Arrays.stream(values()).filter(d -> d.formValue.equals(value)).findFirst();
    }
}
