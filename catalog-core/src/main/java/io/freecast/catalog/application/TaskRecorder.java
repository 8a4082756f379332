package io.freecast.catalog.application;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.out.TaskRunLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks so that the run log tells the truth about every one of them: the start is recorded before
 * any work, and the end is recorded whatever happens — a task that throws becomes a failed report with
 * the reason, so a caller (a scheduler, the CLI) always gets a report and never an exception.
 *
 * <p><b>When the run log cannot be written</b> (its database is unreachable), the outcome is not lost: it
 * waits in memory ({@link PendingRunRecords}) and is written as soon as the log takes it — retried in the
 * background, and before any other run starts. A run whose start could not be recorded does not start
 * (its work needs the same storage) and is recorded whole, as failed with the reason, once it can be.
 *
 * <p><b>Stopping runs</b> (a shutdown): {@link #stopAll} asks every run under way here to stop, waits for
 * them, and records each as {@code interrupted} with the reason given — the run itself when it ends in
 * time, the stopper when it does not.
 */
final class TaskRecorder implements UseCases.Recorder {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRecorder.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(15);

    private final TaskRunLog log;
    private final Clock clock;
    private final String node;
    private final Duration firstRetry;
    private final PendingRunRecords pending = new PendingRunRecords();
    private final Set<RunUnderWay> underWay = new LinkedHashSet<>();
    private boolean retrying;
    private boolean closed;
    private Thread retryThread;

    TaskRecorder(TaskRunLog log, Clock clock, String node) {
        this(log, clock, node, FIRST_RETRY);
    }

    /** @param firstRetry how long after a failed write the first background retry comes (doubling up to 15 s) */
    TaskRecorder(TaskRunLog log, Clock clock, String node, Duration firstRetry) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.node = Objects.requireNonNull(node, "node");
        this.firstRetry = Objects.requireNonNull(firstRetry, "firstRetry");
    }

    @Override
    public TaskReport record(TaskName task, Supplier<TaskReport> work) {
        writePending();
        Instant startedAt = clock.instant();
        long runId;
        try {
            runId = log.recordStart(task, node, startedAt);
        } catch (RuntimeException e) {
            return recordNotStarted(task, startedAt, e);
        }
        RunUnderWay run = begin(task, runId, startedAt);
        try {
            return runAndRecord(run, work);
        } finally {
            // Only once its end is recorded (or kept) is the run no longer under way: a shutdown waiting for
            // it must not close the database while that write goes on.
            leave(run);
        }
    }

    private TaskReport runAndRecord(RunUnderWay run, Supplier<TaskReport> work) {
        TaskName task = run.task();
        Instant startedAt = run.startedAt();
        TaskReport report;
        boolean recordHere;
        try {
            report = work.get();
        } catch (RuntimeException e) {
            if (run.stopReason() == null) {
                LOG.warn("{} failed", task, e);
            }
            report = TaskReport.failed(task, startedAt, clock.instant(), oneLine(e));
        } finally {
            recordHere = run.endOnWorker();
        }
        if (!recordHere) {
            if (report.succeeded()) {
                // It did all its work after all: the truth replaces the stopper's "interrupted".
                LOG.warn("{}: run {} succeeded after the shutdown had recorded it as interrupted", task, run.runId());
                finish(run.runId(), report);
                return report;
            }
            return interruptedReport(task, startedAt, report, run.stopReason());
        }
        if (run.stopReason() != null && !report.succeeded()) {
            report = interruptedReport(task, startedAt, report, run.stopReason());
        }
        finish(run.runId(), report);
        return report;
    }

    /**
     * Records a run that could not start because the storage failed before its row was written (the task's
     * lease could not be claimed, or the run log refused the start): a failed run with the reason, written
     * in the background as soon as the run log takes it. Not on the caller's thread: the storage just
     * failed, and a caller answering a request must not wait for it a second time.
     *
     * @return the failed report
     */
    TaskReport recordNotStarted(TaskName task, Instant startedAt, RuntimeException cause) {
        TaskReport report = TaskReport.failed(task, startedAt, later(startedAt, clock.instant()),
                "could not start: " + oneLine(cause));
        LOG.warn("{}: {}", task, report.error());
        keep(PendingRunRecords.NOT_STARTED, report);
        return report;
    }

    /**
     * Writes the outcomes that wait for the run log, if it takes them now.
     *
     * @return how many still wait
     */
    @Override
    public int writePending() {
        return pending.isEmpty() ? 0 : pending.writeTo(log, node);
    }

    /** The ids of runs whose rows say {@code running} while their real end waits here to be written. */
    Set<Long> runsWithPendingOutcome() {
        return pending.startedRunIds();
    }

    @Override
    public boolean stopAll(String reason, Duration wait) throws InterruptedException {
        Objects.requireNonNull(reason, "reason");
        List<RunUnderWay> asked = new ArrayList<>();
        synchronized (underWay) {
            for (RunUnderWay run : underWay) {
                if (run.requestStop(reason)) {
                    asked.add(run);
                    LOG.warn("{}: asking run {} to stop: {}", run.task(), run.runId(), reason);
                }
            }
        }
        if (awaitNoneUnderWay(wait)) {
            return true;
        }
        List<RunUnderWay> still;
        synchronized (underWay) {
            still = new ArrayList<>(underWay);
        }
        for (RunUnderWay run : still) {
            if (run.closeByStopper()) {
                String why = reason + "; it had not stopped " + wait.toSeconds() + " s later";
                LOG.error("{}: run {} did not stop; recording it as interrupted: {}", run.task(), run.runId(), why);
                finish(run.runId(), TaskReport.interrupted(run.task(), run.startedAt(),
                        later(run.startedAt(), clock.instant()), Map.of(), List.of(), why));
                synchronized (underWay) {
                    underWay.remove(run);
                    underWay.notifyAll();
                }
            }
        }
        return false;
    }

    /** Stops the background retries, makes a last attempt, and logs every outcome that could not be written. */
    @Override
    public void close() {
        Thread retry;
        synchronized (this) {
            closed = true;
            retry = retryThread;
        }
        if (retry != null) {
            retry.interrupt();
        }
        if (writePending() > 0) {
            for (TaskReport lost : pending.drain()) {
                LOG.error("{}: the run started {} could not be recorded in the run log (its database is unreachable): "
                        + "{} {}", lost.task(), lost.startedAt(), lost.status().wireName(), lost.error());
            }
        }
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

    private RunUnderWay begin(TaskName task, long runId, Instant startedAt) {
        RunUnderWay run = RunUnderWay.beginOnCurrentThread(task, runId, startedAt);
        synchronized (underWay) {
            underWay.add(run);
        }
        return run;
    }

    private void leave(RunUnderWay run) {
        synchronized (underWay) {
            underWay.remove(run);
            underWay.notifyAll();
        }
    }

    private boolean awaitNoneUnderWay(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (underWay) {
            while (!underWay.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                underWay.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /**
     * The report of a run that was asked to stop and then ended without succeeding: interrupted, with the
     * stop's reason; what it ended with (the rollback's cause, a broken connection) stays in a note.
     */
    private TaskReport interruptedReport(TaskName task, Instant startedAt, TaskReport ended, String reason) {
        if (ended.status() == TaskStatus.INTERRUPTED) {
            return ended;
        }
        List<String> notes = new ArrayList<>(ended.notes());
        if (ended.error() != null && !ended.error().equals(reason)) {
            notes.add("it ended with: " + ended.error());
        }
        return TaskReport.interrupted(task, startedAt, ended.finishedAt(), ended.counts(), notes, reason);
    }

    /** Records the end of run {@code runId}, or keeps it to be written once the run log can be reached. */
    private void finish(long runId, TaskReport report) {
        try {
            log.recordFinish(runId, report);
        } catch (RuntimeException e) {
            LOG.warn("{}: run {} ended {}, but the run log cannot be written now ({}); it is kept and written "
                    + "once the database can be reached", report.task(), runId, report.status().wireName(), oneLine(e));
            keep(runId, report);
        }
    }

    private void keep(long runId, TaskReport report) {
        pending.add(runId, report);
        startRetries();
    }

    private synchronized void startRetries() {
        if (retrying || closed) {
            return;
        }
        retrying = true;
        retryThread = Thread.ofVirtual().name("catalog-run-log-retry").start(this::retryUntilWritten);
    }

    private void retryUntilWritten() {
        Duration delay = firstRetry;
        while (true) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                synchronized (this) {
                    retrying = false;
                    return;
                }
            }
            int left = writePending();
            synchronized (this) {
                if (closed || (left == 0 && pending.isEmpty())) {
                    retrying = false;
                    return;
                }
            }
            delay = delay.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay.multipliedBy(2);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b.isBefore(a) ? a : b;
    }
}
