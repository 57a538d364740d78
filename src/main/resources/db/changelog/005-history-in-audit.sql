--liquibase formatted sql

--changeset msed:005-history-in-audit
-- A card's history is the audit trail's lines about it: one append-only table, not two.
CREATE INDEX audit_event_object_idx ON audit_event (object_type, object_id, id);
INSERT INTO audit_event (organization_id, occurred_at, actor, action, object_type, object_id, details, remote_address)
SELECT d.organization_id, e.occurred_at, e.actor, e.action, 'DOCUMENT', e.document_id::text, e.details, NULL
FROM document_event e JOIN document d ON d.id = e.document_id
WHERE NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.object_type = 'DOCUMENT' AND a.object_id = e.document_id::text);
DROP TABLE document_event;
