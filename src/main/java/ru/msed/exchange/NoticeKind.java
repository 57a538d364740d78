package ru.msed.exchange;

import java.util.Arrays;
import java.util.Optional;

/**
 * Kinds of notifications a recipient sends back (MEDO «Уведомление»): the Russian name is the
 * {@code xdms:type} of an exported notification and what the sender's timeline shows.
 */
public enum NoticeKind {
    REGISTERED("Документ зарегистрирован"),
    REFUSED("Отказано в регистрации"),
    EXECUTOR_ASSIGNED("Назначен исполнитель"),
    ACCEPTED_FOR_EXECUTION("Принят к исполнению"),
    REPORT_SENT("Доклад направлен"),
    EXECUTION_CHANGED("Исполнение");

    private final String label;

    NoticeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The sender's process waits for one of these from every recipient. */
    public boolean answersDelivery() {
        return this == REGISTERED || this == REFUSED;
    }

    static Optional<NoticeKind> ofLabel(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst();
    }
}
