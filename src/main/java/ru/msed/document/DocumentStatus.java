package ru.msed.document;

/** Where a card is in its life; the process decides when it moves. */
public enum DocumentStatus {
    DRAFT, ON_APPROVAL, ON_SIGNATURE, SIGNED, REGISTERED, SENT, ON_RESOLUTION, ON_EXECUTION, EXECUTED, CLOSED,
    /** An incoming document that arrived through the exchange and was refused registration (with a reason). */
    REFUSED
}
