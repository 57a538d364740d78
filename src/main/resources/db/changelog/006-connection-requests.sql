--liquibase formatted sql

--changeset msed:006-organization-details
ALTER TABLE organization ADD COLUMN inn VARCHAR(10);
ALTER TABLE organization ADD COLUMN ogrn VARCHAR(13);
ALTER TABLE organization ADD COLUMN parent_body VARCHAR(500);
ALTER TABLE organization ADD COLUMN address VARCHAR(500);
ALTER TABLE organization ADD COLUMN responsible_name VARCHAR(300);
ALTER TABLE organization ADD COLUMN responsible_phone VARCHAR(50);
ALTER TABLE organization ADD COLUMN responsible_email VARCHAR(200);
CREATE UNIQUE INDEX organization_inn_unique ON organization (inn) WHERE inn IS NOT NULL;

--changeset msed:006-connection-request
-- A request to connect an organization or change its users: the letter, the workbook, the
-- check's findings, the decision, and the one-time credentials sheet (encrypted with a key only
-- the download link carries; wiped once downloaded).
CREATE TABLE connection_request (
    id                        BIGSERIAL PRIMARY KEY,
    applicant                 VARCHAR(64)   NOT NULL,
    status                    VARCHAR(20)   NOT NULL,
    organization_code         VARCHAR(20),
    workbook_name             VARCHAR(255)  NOT NULL,
    workbook                  BYTEA         NOT NULL,
    workbook_sha256           CHAR(64)      NOT NULL,
    letter_name               VARCHAR(255)  NOT NULL,
    letter_type               VARCHAR(255)  NOT NULL,
    letter                    BYTEA         NOT NULL,
    letter_signature          BYTEA,
    problems                  TEXT,
    decision_reason           VARCHAR(2000),
    decided_by                VARCHAR(64),
    decided_at                TIMESTAMPTZ,
    submitted_at              TIMESTAMPTZ   NOT NULL,
    returned_at               TIMESTAMPTZ,
    corrected_at              TIMESTAMPTZ,
    paused_seconds            BIGINT        NOT NULL DEFAULT 0,
    provisioned_at            TIMESTAMPTZ,
    credentials_token_sha256  CHAR(64) UNIQUE,
    credentials               BYTEA,
    credentials_expires_at    TIMESTAMPTZ,
    credentials_downloaded_at TIMESTAMPTZ
);

--changeset msed:006-notification
-- Outbox of notifications to applicants (a mail gateway sends and marks them). Never a password.
CREATE TABLE notification (
    id          BIGSERIAL PRIMARY KEY,
    recipient   VARCHAR(200)  NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    body        TEXT          NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ
);
