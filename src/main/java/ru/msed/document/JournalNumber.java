package ru.msed.document;

/** A number taken from a journal: its sequence within the journal's year and the printed form. */
record JournalNumber(long journalId, int sequence, String formatted) {
}
