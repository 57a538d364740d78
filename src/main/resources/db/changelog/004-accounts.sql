--liquibase formatted sql

--changeset msed:004-employee-password-state
-- A password issued by an administrator must be changed at the first login.
ALTER TABLE employee ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE employee ADD COLUMN password_changed_at TIMESTAMPTZ;

--changeset msed:004-audit-event
-- Append-only audit trail of every change to a document or a user: who, when, what, from where.
CREATE TABLE audit_event (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT,
    occurred_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    actor           VARCHAR(64)   NOT NULL,
    action          VARCHAR(50)   NOT NULL,
    object_type     VARCHAR(30)   NOT NULL,
    object_id       VARCHAR(64)   NOT NULL,
    details         VARCHAR(4000),
    remote_address  VARCHAR(64)
);
CREATE INDEX audit_event_organization_idx ON audit_event (organization_id, occurred_at);

--changeset msed:004-audit-event-append-only splitStatements:false
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION document_event_append_only();
