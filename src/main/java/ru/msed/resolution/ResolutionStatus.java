package ru.msed.resolution;

/** A draft (проект) takes effect only when the manager approves it. */
public enum ResolutionStatus {
    DRAFT, RETURNED, APPROVED
}
