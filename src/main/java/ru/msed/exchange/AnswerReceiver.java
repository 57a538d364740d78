package ru.msed.exchange;

/**
 * Hands a notification to the sender's process (implemented by the outgoing-document regulation,
 * which correlates the message as the application). Called in the notification's delivery transaction.
 */
public interface AnswerReceiver {

    /**
     * @return whether the sender's process was waiting for it (only «зарегистрирован» and
     *         «отказано» are awaited; the others go to the timeline only)
     */
    boolean receive(Answer answer);

    /** A notification as the sender's process sees it. */
    record Answer(String senderProcessInstanceId, String recipientCode, NoticeKind kind, String text) {
    }
}
