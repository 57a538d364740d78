--liquibase formatted sql

--changeset msed:009-legacy-import
-- Cards moved from the legacy system: their numbers are unique per organization and kind, so
-- importing the same file twice creates nothing twice.
ALTER TABLE document ADD COLUMN legacy BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE document ADD COLUMN legacy_files VARCHAR(4000);
CREATE UNIQUE INDEX document_legacy_number_unique ON document (organization_id, kind, registration_number) WHERE legacy;
-- The second phase finds imported open assignments that still wait for their process instance.
CREATE INDEX document_legacy_waiting ON document (id) WHERE legacy AND status = 'ON_EXECUTION' AND process_instance_id IS NULL;

-- One run of the import command: where it stopped, so a new run resumes from there.
CREATE TABLE import_run (
    id            BIGSERIAL PRIMARY KEY,
    file_name     VARCHAR(500) NOT NULL,
    file_sha256   CHAR(64)     NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL,
    finished_at   TIMESTAMPTZ,
    records_done  BIGINT       NOT NULL DEFAULT 0,
    imported      BIGINT       NOT NULL DEFAULT 0,
    rejected      BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX import_run_file_idx ON import_run (file_sha256);
