package io.freecast.catalog.application;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.in.TaskAdministration;
import io.freecast.catalog.port.out.TaskLeases;
import io.freecast.catalog.port.out.TaskRunLog;
import io.freecast.catalog.port.out.TaskScheduleInfo;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/** Builds the task administration service; the service itself is package-private. */
public final class TaskServices {

    private TaskServices() {
    }

    /**
     * @param runner   runs one task and returns its (recorded) report; never throws
     * @param schedule the attached scheduler's plans, or {@code null} inside the supplier when none is
     */
    public static TaskAdministration taskAdministration(Function<TaskName, TaskReport> runner, TaskRunLog runLog,
                                                        Supplier<TaskLeases> leases,
                                                        Supplier<TaskScheduleInfo> schedule, Clock clock,
                                                        String node) {
        return new TaskAdministrationService(runner, runLog, leases, schedule, clock, node);
    }
}
