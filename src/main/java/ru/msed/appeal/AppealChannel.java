package ru.msed.appeal;

/** Where the appeal came from: registered by the office, the public form, or forwarded by another body in the system. */
public enum AppealChannel {
    OFFICE, ONLINE, FORWARDED
}
