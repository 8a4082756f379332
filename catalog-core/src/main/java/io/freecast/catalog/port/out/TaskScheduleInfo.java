package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.TaskName;
import java.time.Instant;
import java.util.Optional;

/**
 * What a scheduler tells the catalog about its plans, so task overviews show a schedule and a next run.
 * A scheduler attaches itself with {@link io.freecast.catalog.Catalog#attachSchedule(TaskScheduleInfo)}.
 */
public interface TaskScheduleInfo {

    /** The task's schedule in words and syntax, or {@code off} when it does not run on a schedule. */
    String describe(TaskName task);

    /** When the task runs next, empty when it is not scheduled (or the scheduler has stopped). */
    Optional<Instant> nextRun(TaskName task);
}
