--liquibase formatted sql

--changeset msed:013-notification-delivery
-- The outbox is delivered by e-mail: delivery state, retries, and a key per message and reason, so a
-- replayed step queues nothing twice and a repeated delivery carries the same Message-ID.
ALTER TABLE notification
    ADD COLUMN idempotency_key VARCHAR(200),
    ADD COLUMN status          VARCHAR(20)  NOT NULL DEFAULT 'QUEUED',
    ADD COLUMN attempts        INTEGER      NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ADD COLUMN last_error      VARCHAR(1000);
UPDATE notification SET idempotency_key = 'legacy:' || id;
UPDATE notification SET status = 'SENT' WHERE sent_at IS NOT NULL;
ALTER TABLE notification ALTER COLUMN idempotency_key SET NOT NULL;
ALTER TABLE notification ADD CONSTRAINT notification_idempotency_key UNIQUE (idempotency_key);
-- The worker's look-up of what is due.
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'QUEUED';
