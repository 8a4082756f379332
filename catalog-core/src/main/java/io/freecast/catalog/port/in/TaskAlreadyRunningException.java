package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.TaskName;

/**
 * A run was asked for while the task is already running, on this node or on another node sharing the
 * database. Nothing was started; the caller may try again later (HTTP answers 409).
 */
public class TaskAlreadyRunningException extends RuntimeException {

    private final TaskName task;

    public TaskAlreadyRunningException(TaskName task, String where) {
        super(task.wireName() + " is already running " + where + "; try again when that run has finished");
        this.task = task;
    }

    public TaskName task() {
        return task;
    }
}
