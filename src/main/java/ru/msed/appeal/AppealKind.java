package ru.msed.appeal;

/** Kinds of appeals under Federal Law 59-FZ, art. 4 (values of the forms' «Вид обращения»). */
public enum AppealKind {
    STATEMENT("заявление"), PROPOSAL("предложение"), COMPLAINT("жалоба");

    private final String label;

    AppealKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
