--liquibase formatted sql

--changeset msed:001-organization
CREATE TABLE organization (
    id          BIGSERIAL PRIMARY KEY,
    code        VARCHAR(20)  NOT NULL UNIQUE,
    full_name   VARCHAR(500) NOT NULL,
    short_name  VARCHAR(200) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE department (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT       NOT NULL REFERENCES organization (id),
    name            VARCHAR(300) NOT NULL,
    group_id        VARCHAR(64)  NOT NULL UNIQUE,
    UNIQUE (organization_id, name)
);

CREATE TABLE employee (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT       NOT NULL REFERENCES organization (id),
    department_id   BIGINT       NOT NULL REFERENCES department (id),
    user_id         VARCHAR(64)  NOT NULL UNIQUE,
    last_name       VARCHAR(100) NOT NULL,
    first_name      VARCHAR(100) NOT NULL,
    patronymic      VARCHAR(100),
    position        VARCHAR(300) NOT NULL,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE
);
CREATE INDEX employee_organization_idx ON employee (organization_id, last_name);

--changeset msed:001-journal
CREATE TABLE journal (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT       NOT NULL REFERENCES organization (id),
    document_kind   VARCHAR(20)  NOT NULL,
    year            INT          NOT NULL,
    number_template VARCHAR(100) NOT NULL,
    last_number     INT          NOT NULL DEFAULT 0,
    UNIQUE (organization_id, document_kind, year)
);

--changeset msed:001-document
CREATE TABLE document (
    id                    BIGSERIAL PRIMARY KEY,
    organization_id       BIGINT       NOT NULL REFERENCES organization (id),
    kind                  VARCHAR(20)  NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    journal_id            BIGINT REFERENCES journal (id),
    sequence_number       INT,
    registration_number   VARCHAR(100),
    registration_date     DATE,
    received_date         DATE,
    correspondent         VARCHAR(500),
    correspondent_number  VARCHAR(100),
    correspondent_date    DATE,
    signatory             VARCHAR(300),
    addressee             VARCHAR(300),
    summary               VARCHAR(2000),
    delivery_method       VARCHAR(20),
    sheet_count           INT,
    access_level          VARCHAR(20),
    topic                 VARCHAR(50),
    execution_mark        VARCHAR(2000),
    file_reference        VARCHAR(100),
    closed_at             TIMESTAMPTZ,
    process_instance_id   VARCHAR(64),
    created_by            VARCHAR(64)  NOT NULL,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT document_number_unique UNIQUE (journal_id, sequence_number),
    CONSTRAINT document_sheet_count_positive CHECK (sheet_count IS NULL OR sheet_count > 0)
);
CREATE INDEX document_organization_idx ON document (organization_id, registration_date DESC);

--changeset msed:001-resolution
CREATE TABLE resolution (
    id                    BIGSERIAL PRIMARY KEY,
    document_id           BIGINT        NOT NULL REFERENCES document (id),
    status                VARCHAR(20)   NOT NULL,
    text                  VARCHAR(4000) NOT NULL,
    responsible_executor  VARCHAR(64)   NOT NULL,
    deadline              DATE          NOT NULL,
    on_control            BOOLEAN       NOT NULL,
    drafted_by            VARCHAR(64)   NOT NULL,
    drafted_at            TIMESTAMPTZ   NOT NULL,
    approved_by           VARCHAR(64),
    approved_at           TIMESTAMPTZ,
    manager_comment       VARCHAR(2000)
);
CREATE INDEX resolution_document_idx ON resolution (document_id);

CREATE TABLE resolution_co_executor (
    resolution_id BIGINT      NOT NULL REFERENCES resolution (id) ON DELETE CASCADE,
    user_id       VARCHAR(64) NOT NULL,
    PRIMARY KEY (resolution_id, user_id)
);

--changeset msed:001-execution
CREATE TABLE assignment (
    id              BIGSERIAL PRIMARY KEY,
    resolution_id   BIGINT      NOT NULL REFERENCES resolution (id),
    executor        VARCHAR(64) NOT NULL,
    responsible     BOOLEAN     NOT NULL,
    due_date        DATE        NOT NULL,
    status          VARCHAR(20) NOT NULL,
    completed_at    TIMESTAMPTZ,
    UNIQUE (resolution_id, executor)
);

CREATE TABLE execution_report (
    id                  BIGSERIAL PRIMARY KEY,
    assignment_id       BIGINT        NOT NULL REFERENCES assignment (id),
    kind                VARCHAR(20)   NOT NULL,
    author              VARCHAR(64)   NOT NULL,
    text                VARCHAR(4000) NOT NULL,
    submitted_at        TIMESTAMPTZ   NOT NULL,
    decision            VARCHAR(20),
    decided_by          VARCHAR(64),
    decided_at          TIMESTAMPTZ,
    controller_comment  VARCHAR(2000)
);
CREATE INDEX execution_report_assignment_idx ON execution_report (assignment_id);

--changeset msed:001-attachment
CREATE TABLE attachment (
    id            BIGSERIAL PRIMARY KEY,
    document_id   BIGINT       NOT NULL REFERENCES document (id),
    file_name     VARCHAR(255) NOT NULL,
    content_type  VARCHAR(255) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    content       BYTEA        NOT NULL,
    uploaded_by   VARCHAR(64)  NOT NULL,
    uploaded_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX attachment_document_idx ON attachment (document_id);

--changeset msed:001-document-event
-- Append-only: the application only inserts; the trigger refuses changes and deletions.
CREATE TABLE document_event (
    id           BIGSERIAL PRIMARY KEY,
    document_id  BIGINT        NOT NULL REFERENCES document (id),
    occurred_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    actor        VARCHAR(64)   NOT NULL,
    action       VARCHAR(50)   NOT NULL,
    details      VARCHAR(4000)
);
CREATE INDEX document_event_document_idx ON document_event (document_id, id);

--changeset msed:001-document-event-append-only splitStatements:false
CREATE FUNCTION document_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'document_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER document_event_no_change BEFORE UPDATE OR DELETE ON document_event
    FOR EACH ROW EXECUTE FUNCTION document_event_append_only();
