--liquibase formatted sql

--changeset msed:019-citizen-appeal
-- A citizen's appeal (обращение гражданина, Federal Law 59-FZ): the applicant's personal data, what
-- the appeal is about, its statutory terms (both dates when extended) and how it ended. One row per
-- card of kind APPEAL; the card holds the number, the journal and the history.
CREATE TABLE appeal (
    document_id            BIGINT        PRIMARY KEY REFERENCES document (id),
    organization_id        BIGINT        NOT NULL REFERENCES organization (id),
    channel                VARCHAR(20)   NOT NULL,
    received_at            TIMESTAMPTZ   NOT NULL,
    applicant_name         VARCHAR(300),
    postal_address         VARCHAR(500),
    email                  VARCHAR(200),
    phone                  VARCHAR(50),
    -- Normalized name and address: earlier appeals of the same applicant are found by it.
    applicant_key          VARCHAR(800),
    appeal_text            TEXT,
    consent_at             TIMESTAMPTZ,
    kind                   VARCHAR(20),
    receipt_form           VARCHAR(20),
    collective             BOOLEAN       NOT NULL DEFAULT FALSE,
    repeated               BOOLEAN       NOT NULL DEFAULT FALSE,
    topic_code             VARCHAR(50),
    complained_body        VARCHAR(50),
    complained_official    VARCHAR(500),
    registered_on          DATE,
    answer_due             DATE,
    -- The term before its extension (the history keeps both dates).
    original_answer_due    DATE,
    extended_on            DATE,
    extension_reason       VARCHAR(2000),
    extended_by            VARCHAR(64),
    responsible_executor   VARCHAR(64),
    forwarded_to           VARCHAR(50),
    forwarded_to_name      VARCHAR(500),
    forwarded_on           DATE,
    answer_document_id     BIGINT        REFERENCES document (id),
    answer_number          VARCHAR(100),
    answer_date            DATE,
    result                 VARCHAR(30),
    closed_on              DATE,
    term_violated          BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX appeal_applicant_idx ON appeal (organization_id, applicant_key);
CREATE INDEX appeal_registered_idx ON appeal (organization_id, registered_on);

-- A repeated appeal links to the earlier ones of the same applicant.
CREATE TABLE appeal_link (
    appeal_id          BIGINT NOT NULL REFERENCES appeal (document_id),
    earlier_appeal_id  BIGINT NOT NULL REFERENCES appeal (document_id),
    PRIMARY KEY (appeal_id, earlier_appeal_id)
);

--changeset msed:019-public-submission
-- Submissions of the public appeal form by address (hashed), for the rate limit; old rows are removed.
CREATE TABLE public_submission (
    id             BIGSERIAL    PRIMARY KEY,
    address_hash   CHAR(64)     NOT NULL,
    submitted_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX public_submission_address_idx ON public_submission (address_hash, submitted_at);
