package ru.msed.card;

import java.util.Map;

/** Russian labels of the card's codes, as the registration form and the history name them. */
final class CardLabels {

    static final Map<String, String> KIND = Map.of("INCOMING", "Входящий", "OUTGOING", "Исходящий",
            "INTERNAL", "Внутренний", "APPEAL", "Обращение гражданина");
    static final Map<String, String> STATUS = Map.ofEntries(Map.entry("DRAFT", "Черновик"),
            Map.entry("ON_APPROVAL", "На согласовании"), Map.entry("ON_SIGNATURE", "На подписи"), Map.entry("SIGNED", "Подписан"),
            Map.entry("REGISTERED", "Зарегистрирован"), Map.entry("SENT", "Отправлен"), Map.entry("ON_RESOLUTION", "На рассмотрении"),
            Map.entry("ON_EXECUTION", "На исполнении"), Map.entry("EXECUTED", "Исполнен"), Map.entry("CLOSED", "Списан в дело"),
            Map.entry("REFUSED", "Отказано в регистрации"));
    static final Map<String, String> DELIVERY = Map.of("POST", "Почта", "COURIER", "Курьер", "MEDO", "МЭДО / МСЭД",
            "EMAIL", "Электронная почта", "FAX", "Факс", "IN_PERSON", "Лично");
    static final Map<String, String> ACCESS = Map.of("GENERAL", "Общий", "DSP", "Для служебного пользования");
    static final Map<String, String> TOPIC = Map.of("GENERAL", "Общие вопросы", "FINANCE", "Финансы и бюджет",
            "LEGAL", "Правовые вопросы", "PERSONNEL", "Кадровые вопросы", "CITIZENS", "Вопросы граждан");
    static final Map<String, String> RESOLUTION = Map.of("DRAFT", "Проект", "RETURNED", "Возвращён на доработку",
            "APPROVED", "Утверждена");
    static final Map<String, String> ASSIGNMENT = Map.of("OPEN", "Исполняется", "REPORTED", "Отчёт представлен",
            "CLOSED", "Исполнено");
    static final Map<String, String> REPORT = Map.of("REPORT", "Отчёт об исполнении", "CONTRIBUTION", "Информация соисполнителя");
    static final Map<String, String> CONTROL = Map.of("ACCEPTED", "Принят", "RETURNED", "Возвращён на доработку");
    static final Map<String, String> EXTENSION = Map.of("APPROVED", "Срок перенесён", "REJECTED", "Отказано");
    static final Map<String, String> VISA = Map.of("APPROVE", "Согласовано", "APPROVE_WITH_REMARKS", "Согласовано с замечаниями",
            "REJECT", "Отклонено");

    private CardLabels() {
    }

    static String of(Map<String, String> labels, String code) {
        return code == null ? null : labels.getOrDefault(code, code);
    }
}
