--liquibase formatted sql

--changeset msed:011-history-level-audit
-- The engine refuses to start when the history level it is configured with differs from the one
-- recorded in its database. Databases created with level full (3) move to audit (2) together with
-- application.yml; a new database gets its level from the engine on first start.
UPDATE act_ge_property SET value_ = '2' WHERE name_ = 'historyLevel' AND value_ = '3';
