package ru.msed.connection;

/** Where a connection request is; the diagram moves it. */
public enum ConnectionRequestStatus {
    SUBMITTED, RETURNED, UNDER_REVIEW, REJECTED, PROVISIONED
}
