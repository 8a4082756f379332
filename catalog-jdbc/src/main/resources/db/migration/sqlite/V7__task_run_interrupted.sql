-- A run stopped by its node's shutdown before it ended is recorded as 'interrupted' (its error says why).
-- SQLite cannot change a CHECK constraint, so the run log's four tables are rebuilt and their rows copied.
-- The children are rebuilt too: with foreign keys on, dropping task_run would delete their rows (the
-- cascade), so new children point at the new parent before the old tables go. Renaming the new parent
-- renames the children's references to it as well.
CREATE TABLE task_run_v7 (
    id          INTEGER CONSTRAINT pk_task_run PRIMARY KEY AUTOINCREMENT,
    task        VARCHAR   NOT NULL,
    node        VARCHAR   NOT NULL,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR   NOT NULL,
    error       VARCHAR,
    CONSTRAINT ck_task_run_status CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted'))
);
INSERT INTO task_run_v7 (id, task, node, started_at, finished_at, status, error)
    SELECT id, task, node, started_at, finished_at, status, error FROM task_run;
-- Ids are never reused, not even those of runs deleted before.
UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'task_run')
    WHERE name = 'task_run_v7' AND EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'task_run');

CREATE TABLE task_run_count_v7 (
    run_id   BIGINT  NOT NULL CONSTRAINT fk_task_run_count_run REFERENCES task_run_v7 (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     VARCHAR NOT NULL,
    amount   BIGINT  NOT NULL,
    CONSTRAINT pk_task_run_count PRIMARY KEY (run_id, position)
);
INSERT INTO task_run_count_v7 (run_id, position, name, amount)
    SELECT run_id, position, name, amount FROM task_run_count;

CREATE TABLE task_run_rejection_v7 (
    run_id     BIGINT  NOT NULL CONSTRAINT fk_task_run_rejection_run REFERENCES task_run_v7 (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    item_index BIGINT  NOT NULL,
    item_id    VARCHAR,
    reason     VARCHAR NOT NULL,
    CONSTRAINT pk_task_run_rejection PRIMARY KEY (run_id, position)
);
INSERT INTO task_run_rejection_v7 (run_id, position, item_index, item_id, reason)
    SELECT run_id, position, item_index, item_id, reason FROM task_run_rejection;

CREATE TABLE task_run_note_v7 (
    run_id   BIGINT  NOT NULL CONSTRAINT fk_task_run_note_run REFERENCES task_run_v7 (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    note     VARCHAR NOT NULL,
    CONSTRAINT pk_task_run_note PRIMARY KEY (run_id, position)
);
INSERT INTO task_run_note_v7 (run_id, position, note)
    SELECT run_id, position, note FROM task_run_note;

DROP TABLE task_run_count;
DROP TABLE task_run_rejection;
DROP TABLE task_run_note;
DROP TABLE task_run;

ALTER TABLE task_run_v7 RENAME TO task_run;
ALTER TABLE task_run_count_v7 RENAME TO task_run_count;
ALTER TABLE task_run_rejection_v7 RENAME TO task_run_rejection;
ALTER TABLE task_run_note_v7 RENAME TO task_run_note;
CREATE INDEX ix_task_run_task_started ON task_run (task, started_at, id);
