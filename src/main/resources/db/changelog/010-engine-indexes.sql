--liquibase formatted sql

--changeset msed:010-engine-indexes
-- Indexes the engine's own schema lacks, found with pg_stat_statements in the benchmark at
-- regional size (README, Benchmark). Completing any task looks for its sub-tasks
-- ("select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?"): without an index that is a sequential
-- scan of every open task, about 1 ms per 10,000 open tasks on every completion.
CREATE INDEX msed_idx_task_parent ON act_ru_task (parent_task_id_);
