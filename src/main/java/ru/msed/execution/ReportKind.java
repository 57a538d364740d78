package ru.msed.execution;

/** The responsible executor writes the report; co-executors send contributions attached to it. */
public enum ReportKind {
    REPORT, CONTRIBUTION
}
