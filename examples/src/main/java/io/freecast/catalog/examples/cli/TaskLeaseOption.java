package io.freecast.catalog.examples.cli;

import io.freecast.catalog.scheduler.Schedule;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --task-lease}: how long a task's lease lasts without renewal. Every run holds it (renewed while it
 * runs), on a server and from the CLI alike, so this is how long a process that died mid-run holds the
 * task up before another may run it.
 */
final class TaskLeaseOption {

    @Option(names = "--task-lease", paramLabel = "DURATION", defaultValue = "${env:CATALOG_TASK_LEASE:-2m}",
            description = "How long a process that died mid-run holds its task up (the lease, renewed while the "
                    + "task runs). Env: CATALOG_TASK_LEASE. Default: ${DEFAULT-VALUE}")
    String lease;

    /** The lease, checked. @throws ConfigurationException naming what to fix */
    Duration duration() {
        Duration parsed;
        try {
            parsed = Schedule.parseDuration(lease);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--task-lease / CATALOG_TASK_LEASE expects a duration such as 2m or 90s,"
                    + " got '" + SchedulerOptions.abbreviate(String.valueOf(lease)) + "'", e);
        }
        if (parsed.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigurationException("--task-lease / CATALOG_TASK_LEASE must be at least 1s, got " + lease);
        }
        return parsed;
    }
}
