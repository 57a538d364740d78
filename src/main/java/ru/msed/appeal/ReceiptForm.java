package ru.msed.appeal;

/** How the appeal was made (values of the forms' «Форма обращения»). */
public enum ReceiptForm {
    WRITTEN("письменное"), ELECTRONIC("электронное"), ORAL("устное на личном приёме");

    private final String label;

    ReceiptForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
