package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import java.time.Instant;
import java.util.Optional;

/**
 * The record of every task run, kept in the catalog's database so every node and every tool sees it.
 * Writes here never join an import's transaction: a failed run is recorded even when its work rolls back.
 */
public interface TaskRunLog {

    /** Records that a run started; returns its id. */
    long recordStart(TaskName task, String node, Instant startedAt);

    /** Records how the run ended, with its report's counts, rejections and error. */
    void recordFinish(long runId, TaskReport report);

    /** Runs of one task, newest first. */
    Page<TaskRun> listRuns(TaskName task, PageRequest page);

    /** The newest run of a task, if it ever ran. */
    Optional<TaskRun> findLatest(TaskName task);
}
