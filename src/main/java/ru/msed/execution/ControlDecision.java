package ru.msed.execution;

/** The controller's verdict on a report. */
public enum ControlDecision {
    ACCEPTED, RETURNED
}
