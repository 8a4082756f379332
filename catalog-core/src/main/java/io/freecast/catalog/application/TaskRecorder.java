package io.freecast.catalog.application;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.port.out.TaskRunLog;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task so that the run log always knows about it: the start is recorded before any work, and
 * the end is recorded whatever happens — a task that throws becomes a failed report with the reason,
 * so a caller (a scheduler, the CLI) always gets a report and never an exception.
 */
final class TaskRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRecorder.class);

    private final TaskRunLog log;
    private final Clock clock;
    private final String node;

    TaskRecorder(TaskRunLog log, Clock clock, String node) {
        this.log = log;
        this.clock = clock;
        this.node = node;
    }

    TaskReport record(TaskName task, Supplier<TaskReport> work) {
        Instant startedAt = clock.instant();
        long runId = log.recordStart(task, node, startedAt);
        TaskReport report;
        try {
            report = work.get();
        } catch (RuntimeException e) {
            LOG.warn("{} failed", task, e);
            report = TaskReport.failed(task, startedAt, clock.instant(), oneLine(e));
        }
        log.recordFinish(runId, report);
        return report;
    }

    /** The first line of the message, with the exception type when the message says nothing. */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
