-- A run stopped by its node's shutdown before it ended is recorded as 'interrupted' (its error says why).
ALTER TABLE task_run DROP CONSTRAINT ck_task_run_status;
ALTER TABLE task_run ADD CONSTRAINT ck_task_run_status
    CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted'));
