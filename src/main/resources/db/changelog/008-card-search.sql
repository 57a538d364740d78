--liquibase formatted sql

--changeset msed:008-card-search
-- Full-text search over cards with PostgreSQL's Russian configuration (stemming: «отопительного»
-- finds «отопительный»), kept up to date by the database itself.
ALTER TABLE document ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', coalesce(registration_number, '')), 'A') ||
    setweight(to_tsvector('russian', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('russian', coalesce(correspondent, '') || ' ' || coalesce(addressees, '')), 'C')
) STORED;
CREATE INDEX document_search_idx ON document USING GIN (search);
CREATE INDEX document_number_idx ON document (organization_id, registration_number);
