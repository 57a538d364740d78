package ru.msed.document;

/** Groups of documents; each has its own numbering journal per organization and year. */
public enum DocumentKind {
    INCOMING, OUTGOING, INTERNAL, APPEAL
}
