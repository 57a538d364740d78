--liquibase formatted sql

--changeset msed:016-attachment-content-key
-- Files move out of the database into the content store (README, Files): a row keeps the metadata
-- and the key (the SHA-256 of the bytes); the BYTEA column empties as `--migrate-files` copies it out.
-- COLLATE "C": keys sort byte-wise, as the store lists them, for the sweep's merge of the two.
ALTER TABLE attachment ADD COLUMN content_key VARCHAR(64) COLLATE "C";
ALTER TABLE attachment ALTER COLUMN content DROP NOT NULL;
ALTER TABLE attachment ADD CONSTRAINT attachment_has_content CHECK (content_key IS NOT NULL OR content IS NOT NULL);
CREATE INDEX attachment_content_key_idx ON attachment (content_key);
-- Uploading a file of the same name again makes its next version; the old ones stay.
ALTER TABLE attachment ADD COLUMN version INT;
UPDATE attachment a SET version = v.version
FROM (SELECT id, row_number() OVER (PARTITION BY document_id, file_name ORDER BY id) AS version FROM attachment) v
WHERE v.id = a.id;
ALTER TABLE attachment ALTER COLUMN version SET NOT NULL;
CREATE UNIQUE INDEX attachment_version_unique ON attachment (document_id, file_name, version);

--changeset msed:016-content-orphan
-- Stored keys no row named when the sweep last looked, since when: deleted after the grace period.
CREATE TABLE content_orphan (
    content_key    VARCHAR(64) COLLATE "C" PRIMARY KEY,
    first_seen_at  TIMESTAMPTZ NOT NULL
);

--changeset msed:016-content-problem
-- Keys rows name that the store lacks (MISSING) or holds with other bytes (CORRUPT): for support.
CREATE TABLE content_problem (
    id             BIGSERIAL PRIMARY KEY,
    content_key    VARCHAR(64) COLLATE "C" NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    detail         VARCHAR(1000),
    first_seen_at  TIMESTAMPTZ   NOT NULL,
    last_seen_at   TIMESTAMPTZ   NOT NULL,
    occurrences    INT           NOT NULL,
    resolved_at    TIMESTAMPTZ
);
CREATE UNIQUE INDEX content_problem_open ON content_problem (content_key, kind) WHERE resolved_at IS NULL;
