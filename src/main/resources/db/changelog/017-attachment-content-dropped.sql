--liquibase formatted sql

--changeset msed:017-drop-attachment-content labels:drop-attachment-content
--preconditions onFail:CONTINUE
--precondition-sql-check expectedResult:0 SELECT count(*) FROM attachment WHERE content IS NOT NULL
-- Once `--migrate-files` has moved every file into the store (until then this change waits and is
-- tried again at every start), the BYTEA column goes and every row has its key.
ALTER TABLE attachment DROP CONSTRAINT attachment_has_content;
ALTER TABLE attachment DROP COLUMN content;
ALTER TABLE attachment ALTER COLUMN content_key SET NOT NULL;
