--liquibase formatted sql

--changeset msed:002-assignment-overdue
ALTER TABLE assignment ADD COLUMN overdue BOOLEAN NOT NULL DEFAULT FALSE;

--changeset msed:002-extension-request
-- Перенос срока: the request, the decision, and both dates kept for history.
CREATE TABLE extension_request (
    id                   BIGSERIAL PRIMARY KEY,
    resolution_id        BIGINT        NOT NULL REFERENCES resolution (id),
    requested_by         VARCHAR(64)   NOT NULL,
    reason               VARCHAR(2000) NOT NULL,
    current_deadline     DATE          NOT NULL,
    requested_deadline   DATE          NOT NULL,
    requested_at         TIMESTAMPTZ   NOT NULL,
    decision             VARCHAR(20),
    decided_by           VARCHAR(64),
    decided_at           TIMESTAMPTZ,
    comment              VARCHAR(2000)
);
CREATE INDEX extension_request_resolution_idx ON extension_request (resolution_id);
