package ru.msed.execution;

/** OPEN while being worked on; REPORTED when the responsible executor reported; CLOSED when accepted or ended. */
public enum AssignmentStatus {
    OPEN, REPORTED, CLOSED
}
