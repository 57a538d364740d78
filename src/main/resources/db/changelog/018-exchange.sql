--liquibase formatted sql

--changeset msed:018-exchange-package
-- A document sent from one organization to another through the system, imported from an outside
-- system's transport container, or exported in one. Exactly once from the user's point of view: the
-- key (sender, sender's document, recipient, kind, sequence) is unique, so a replayed delivery or a
-- container imported twice inserts nothing (ON CONFLICT DO NOTHING, never a look-up first).
CREATE TABLE exchange_package (
    id                          BIGSERIAL     PRIMARY KEY,
    uid                         UUID          NOT NULL DEFAULT gen_random_uuid(),
    kind                        VARCHAR(20)   NOT NULL,
    sequence                    INT           NOT NULL,
    -- The key: organization codes (or an outside system's sender id) and the sender's document id
    -- (or the container's document uid).
    sender_code                 VARCHAR(100)  NOT NULL,
    sender_document             VARCHAR(100)  NOT NULL,
    recipient_code              VARCHAR(100)  NOT NULL,
    -- ORGANIZATION: delivered inside the system; CONTAINER: imported; EXPORT: exported for an outside system.
    source                      VARCHAR(20)   NOT NULL,
    sender_organization_id      BIGINT        REFERENCES organization (id),
    sender_name                 VARCHAR(500)  NOT NULL,
    sender_document_id          BIGINT        REFERENCES document (id),
    sender_attachment_id        BIGINT        REFERENCES attachment (id),
    sender_process_instance_id  VARCHAR(64),
    recipient_organization_id   BIGINT        REFERENCES organization (id),
    recipient_name              VARCHAR(500)  NOT NULL,
    recipient_document_id       BIGINT        REFERENCES document (id),
    -- The sender's requisites as sent (the sender's card may change later).
    registration_number         VARCHAR(100),
    registration_date           DATE,
    summary                     VARCHAR(2000),
    signatory                   VARCHAR(300),
    reply_to_package_id         BIGINT        REFERENCES exchange_package (id),
    created_at                  TIMESTAMPTZ   NOT NULL,
    arrived_at                  TIMESTAMPTZ,
    CONSTRAINT exchange_package_once UNIQUE (sender_code, sender_document, recipient_code, kind, sequence),
    CONSTRAINT exchange_package_uid UNIQUE (uid)
);
CREATE INDEX exchange_package_sender_document_idx ON exchange_package (sender_document_id) WHERE sender_document_id IS NOT NULL;
CREATE INDEX exchange_package_recipient_document_idx ON exchange_package (recipient_document_id)
    WHERE recipient_document_id IS NOT NULL;
CREATE INDEX exchange_package_reply_to_idx ON exchange_package (reply_to_package_id) WHERE reply_to_package_id IS NOT NULL;

--changeset msed:018-exchange-package-file
-- The files of an imported container, kept until (and after) the arrival copies them into the
-- recipient's card; a package inside the system refers to the sender's signed file instead.
CREATE TABLE exchange_package_file (
    package_id      BIGINT        NOT NULL REFERENCES exchange_package (id),
    position        INT           NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    content_type    VARCHAR(255)  NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    content         BYTEA         NOT NULL,
    signature_name  VARCHAR(255),
    signature       BYTEA,
    PRIMARY KEY (package_id, position)
);

--changeset msed:018-exchange-notice
-- A notification (MEDO kinds) from a package's recipient back to its sender: queued in the step that
-- decided it and delivered to the sender's process by the application (or exported for an outside
-- system). Once per package, kind and event (a resolution, an extension request ...).
CREATE TABLE exchange_notice (
    id                   BIGSERIAL     PRIMARY KEY,
    uid                  UUID          NOT NULL DEFAULT gen_random_uuid(),
    package_id           BIGINT        NOT NULL REFERENCES exchange_package (id),
    kind                 VARCHAR(30)   NOT NULL,
    event_key            VARCHAR(100)  NOT NULL,
    registration_number  VARCHAR(100),
    registration_date    DATE,
    text                 VARCHAR(4000),
    created_at           TIMESTAMPTZ   NOT NULL,
    -- QUEUED → DELIVERED | FAILED (inside the system); OUTBOUND → EXPORTED (for an outside system); RECEIVED (imported).
    status               VARCHAR(20)   NOT NULL,
    attempts             INT           NOT NULL DEFAULT 0,
    next_attempt_at      TIMESTAMPTZ,
    last_error           VARCHAR(1000),
    delivered_at         TIMESTAMPTZ,
    CONSTRAINT exchange_notice_once UNIQUE (package_id, kind, event_key),
    CONSTRAINT exchange_notice_uid UNIQUE (uid)
);
CREATE INDEX exchange_notice_due ON exchange_notice (next_attempt_at) WHERE status = 'QUEUED';

--changeset msed:018-document-link
-- Related documents (GOST R 7.0.97: «в ответ на»): an outgoing answer names the incoming card it
-- answers; an answer arriving back names the sender's original outgoing card. Both in one organization.
CREATE TABLE document_link (
    document_id         BIGINT       NOT NULL REFERENCES document (id),
    kind                VARCHAR(20)  NOT NULL,
    linked_document_id  BIGINT       NOT NULL REFERENCES document (id),
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (document_id, kind, linked_document_id)
);
CREATE INDEX document_link_linked_idx ON document_link (linked_document_id, kind);
