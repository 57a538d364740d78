package ru.msed.document;

/** What can happen to a card; the Russian label is what the history shows. */
public enum DocumentAction {
    CREATED("Создана карточка"),
    REGISTERED("Документ зарегистрирован"),
    ROUTED("Направлен на рассмотрение"),
    RESOLUTION_DRAFTED("Подготовлен проект резолюции"),
    RESOLUTION_RETURNED("Проект резолюции возвращён на доработку"),
    RESOLUTION_APPROVED("Резолюция утверждена"),
    CONTRIBUTION_SUBMITTED("Соисполнитель представил информацию"),
    REPORT_SUBMITTED("Представлен отчёт об исполнении"),
    REPORT_ACCEPTED("Отчёт принят контролёром"),
    REPORT_RETURNED("Отчёт возвращён на доработку"),
    ATTACHMENT_ADDED("Добавлен файл"),
    OVERDUE("Срок исполнения пропущен"),
    EXTENSION_REQUESTED("Запрошен перенос срока"),
    EXTENSION_APPROVED("Срок исполнения перенесён"),
    EXTENSION_REJECTED("В переносе срока отказано"),
    CLOSED("Документ списан в дело"),
    OUTGOING_DRAFTED("Подготовлен проект исходящего документа"),
    SENT_FOR_APPROVAL("Проект направлен на согласование"),
    VISA_GIVEN("Проект согласован"),
    VISA_REJECTED("В согласовании отказано"),
    SIGNED("Документ подписан"),
    DISPATCHED("Документ отправлен адресатам"),
    APPEAL_DECIDED("Принято решение по обращению"),
    APPEAL_TERM_SET("Установлен срок рассмотрения обращения"),
    APPEAL_TERM_EXTENDED("Срок рассмотрения обращения продлён"),
    APPEAL_TERM_VIOLATED("Срок рассмотрения обращения нарушен"),
    APPEAL_FORWARDED("Обращение переадресовано по компетенции"),
    APPEAL_ANSWERED("Заявителю направлен ответ"),
    APPLICANT_NOTIFIED("Заявителю направлено уведомление"),
    EXCHANGE_SENT("Направлен в организацию по МСЭД"),
    ARRIVED("Поступил по МСЭД"),
    REGISTRATION_REFUSED("Отказано в регистрации"),
    EXCHANGE_NOTICE_SENT("Направлено уведомление МСЭД"),
    EXCHANGE_NOTICE_RECEIVED("Получено уведомление МСЭД"),
    CONTAINER_EXPORTED("Выгружен транспортный контейнер");

    private final String label;

    DocumentAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
