--liquibase formatted sql

--changeset msed:020-sparse-engine-indexes
-- Indexes of the engine's schema on columns that are empty in almost every row MSED writes hold an
-- entry for every empty value all the same: each variable row wrote 6 of its 11 index entries for
-- nothing (CMMN, batches, serialized values, task-local variables); the variable rows are the largest
-- tables and most of the database time of an imported assignment's start (pg_stat_statements; README,
-- Benchmark). Each becomes a partial index of the same name and columns over the rows that have a value. Every
-- statement that uses one looks a value up (`col = ?`, `col in (...)`: a strict operator, which
-- PostgreSQL proves excludes NULL), so the same statements use it; only the empty entries are gone.
-- The same names keep the engine's later upgrade scripts, which drop or alter indexes by name, working.
DROP INDEX act_idx_var_case_exe;
CREATE INDEX act_idx_var_case_exe ON act_ru_variable (case_execution_id_) WHERE case_execution_id_ IS NOT NULL;
DROP INDEX act_idx_var_case_inst_id;
CREATE INDEX act_idx_var_case_inst_id ON act_ru_variable (case_inst_id_) WHERE case_inst_id_ IS NOT NULL;
DROP INDEX act_idx_batch_id;
CREATE INDEX act_idx_batch_id ON act_ru_variable (batch_id_) WHERE batch_id_ IS NOT NULL;
DROP INDEX act_idx_var_bytearray;
CREATE INDEX act_idx_var_bytearray ON act_ru_variable (bytearray_id_) WHERE bytearray_id_ IS NOT NULL;
DROP INDEX act_idx_variable_task_id;
CREATE INDEX act_idx_variable_task_id ON act_ru_variable (task_id_) WHERE task_id_ IS NOT NULL;
DROP INDEX act_idx_variable_task_name_type;
CREATE INDEX act_idx_variable_task_name_type ON act_ru_variable (task_id_, name_, type_) WHERE task_id_ IS NOT NULL;
DROP INDEX act_idx_hi_varinst_bytear;
CREATE INDEX act_idx_hi_varinst_bytear ON act_hi_varinst (bytearray_id_) WHERE bytearray_id_ IS NOT NULL;
DROP INDEX act_idx_hi_casevar_case_inst;
CREATE INDEX act_idx_hi_casevar_case_inst ON act_hi_varinst (case_inst_id_) WHERE case_inst_id_ IS NOT NULL;
DROP INDEX act_idx_auth_root_pi;
CREATE INDEX act_idx_auth_root_pi ON act_ru_authorization (root_proc_inst_id_) WHERE root_proc_inst_id_ IS NOT NULL;
DROP INDEX act_idx_auth_rm_time;
CREATE INDEX act_idx_auth_rm_time ON act_ru_authorization (removal_time_) WHERE removal_time_ IS NOT NULL;
DROP INDEX msed_idx_task_parent;
CREATE INDEX msed_idx_task_parent ON act_ru_task (parent_task_id_) WHERE parent_task_id_ IS NOT NULL;
