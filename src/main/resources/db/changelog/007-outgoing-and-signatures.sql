--liquibase formatted sql

--changeset msed:007-outgoing-card
ALTER TABLE document ADD COLUMN addressees VARCHAR(2000);
ALTER TABLE document ADD COLUMN signatory_user VARCHAR(64);

--changeset msed:007-visa
-- A visa (согласование) is tied to the file version the approver saw.
CREATE TABLE visa (
    id             BIGSERIAL PRIMARY KEY,
    document_id    BIGINT        NOT NULL REFERENCES document (id),
    round          INT           NOT NULL,
    approver       VARCHAR(64)   NOT NULL,
    decision       VARCHAR(30)   NOT NULL,
    comment        VARCHAR(2000),
    attachment_id  BIGINT        NOT NULL REFERENCES attachment (id),
    file_sha256    CHAR(64)      NOT NULL,
    decided_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX visa_document_idx ON visa (document_id, id);

--changeset msed:007-document-signature
-- A signature of one exact file version: the signed bytes stay in attachment, the signature here, unchanged.
CREATE TABLE document_signature (
    id                  BIGSERIAL PRIMARY KEY,
    document_id         BIGINT        NOT NULL REFERENCES document (id),
    attachment_id       BIGINT        NOT NULL REFERENCES attachment (id),
    file_sha256         CHAR(64)      NOT NULL,
    kind                VARCHAR(20)   NOT NULL,
    signer              VARCHAR(64)   NOT NULL,
    signed_at           TIMESTAMPTZ   NOT NULL,
    signature           BYTEA,
    certificate_serial  VARCHAR(100),
    certificate_owner   VARCHAR(500),
    certificate_issuer  VARCHAR(500),
    valid_from          TIMESTAMPTZ,
    valid_to            TIMESTAMPTZ
);
CREATE INDEX document_signature_document_idx ON document_signature (document_id, id);
