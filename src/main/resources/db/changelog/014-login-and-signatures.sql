--liquibase formatted sql

--changeset msed:014-employee-public-id
-- The anonymous login lists name staff by this random id, never by their login.
ALTER TABLE employee ADD COLUMN public_id UUID NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX employee_public_id_idx ON employee (public_id);

--changeset msed:014-signature-time-optional
-- A signature without a signing-time attribute has no signing time: none is invented.
ALTER TABLE document_signature ALTER COLUMN signed_at DROP NOT NULL;
