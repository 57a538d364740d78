package ru.msed.appeal;

/**
 * How an appeal ended. The first four close a consideration on the merits (the answer's number and
 * date go with them); the others are the law's special outcomes.
 */
public enum AppealResult {
    ANSWERED("дан ответ"),
    EXPLAINED("разъяснено"),
    SUPPORTED("поддержано"),
    NOT_SUPPORTED("не поддержано"),
    FORWARDED("переадресовано по компетенции"),
    LEFT_UNANSWERED("оставлено без ответа"),
    NOT_READABLE("не поддаётся прочтению"),
    CORRESPONDENCE_ENDED("переписка прекращена");

    private final String label;

    AppealResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The results a consideration on the merits closes with (the closing form's choices). */
    public boolean onTheMerits() {
        return ordinal() <= NOT_SUPPORTED.ordinal();
    }
}
