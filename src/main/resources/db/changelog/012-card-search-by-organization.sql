--liquibase formatted sql

--changeset msed:012-card-search-by-organization
-- Card search always names the organization. With the words alone in the index, a common word
-- matched every organization's cards and PostgreSQL filtered them afterwards (1,000,000 cards:
-- p50 21.7 ms in the benchmark). One GIN index over the organization and the words answers both
-- conditions inside the index (btree_gin is a trusted contrib extension shipped with PostgreSQL).
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX document_organization_search_idx ON document USING GIN (organization_id, search);
DROP INDEX document_search_idx;
