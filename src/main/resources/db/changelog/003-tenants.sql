--liquibase formatted sql

--changeset msed:003-department-groups-shared
-- A department's group is a function (dept-office, dept-finance …) shared by all organizations;
-- organizations are kept apart by Camunda tenants, not by group names.
ALTER TABLE department DROP CONSTRAINT department_group_id_key;

--changeset msed:003-tenants-for-existing-organizations
-- Organizations created before tenants existed get their tenant and memberships.
INSERT INTO act_id_tenant (id_, name_, rev_)
SELECT o.code, o.short_name, 1 FROM organization o
WHERE NOT EXISTS (SELECT 1 FROM act_id_tenant t WHERE t.id_ = o.code);
INSERT INTO act_id_tenant_member (id_, tenant_id_, user_id_)
SELECT gen_random_uuid()::text, o.code, e.user_id FROM employee e JOIN organization o ON o.id = e.organization_id
WHERE NOT EXISTS (SELECT 1 FROM act_id_tenant_member m WHERE m.tenant_id_ = o.code AND m.user_id_ = e.user_id);
