package io.freecast.catalog.scheduler;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.port.in.TaskAdministration;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's life under the scheduler, on its own (virtual) thread: an optional start-up run or one
 * catch-up run, then sleep until the next slot, run it, and so on until stopped.
 *
 * <p>Because the loop runs each slot on its own thread and only then looks for the next one, a task can
 * never overlap itself here: a slot that comes while the previous run is still going is skipped (the
 * next slot is always computed from the time the run ended). Slots are never queued.
 */
final class TaskLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskLoop.class);

    private enum State { IDLE, SLEEPING, RUNNING, ENDED }

    private final TaskName task;
    private final Schedule schedule;
    private final TaskAdministration tasks;
    private final TimeSource time;
    private final Duration lease;
    private final RetryPolicy retry;
    private final boolean catchUp;
    private final Instant startedAt;

    private final Object lock = new Object();
    private State state = State.IDLE;
    private boolean stopping;
    private Thread thread;
    private Instant sleepingUntil;

    TaskLoop(TaskName task, Schedule schedule, TaskAdministration tasks, TimeSource time, Duration lease,
             RetryPolicy retry, boolean catchUp, Instant startedAt) {
        this.task = task;
        this.schedule = schedule;
        this.tasks = tasks;
        this.time = time;
        this.lease = lease;
        this.retry = retry;
        this.catchUp = catchUp;
        this.startedAt = startedAt;
    }

    Thread start() {
        synchronized (lock) {
            thread = Thread.ofVirtual().name("catalog-scheduler-" + task.wireName()).unstarted(this);
            thread.start();
            return thread;
        }
    }

    @Override
    public void run() {
        try {
            Instant lastSlot = runStartupOrCatchUp();
            while (true) {
                Instant now = time.now();
                Instant from = lastSlot != null && lastSlot.isAfter(now) ? lastSlot : now;
                Optional<Instant> next = schedule.nextSlotAfter(from);
                if (next.isEmpty() || !sleepUntil(next.get())) {
                    return;
                }
                runWithRetries(next.get(), "scheduled");
                lastSlot = next.get();
            }
        } catch (RuntimeException | Error e) {
            LOG.error("{}: the scheduler loop stopped unexpectedly; the task is no longer scheduled", task, e);
            throw e;
        } finally {
            synchronized (lock) {
                state = State.ENDED;
            }
        }
    }

    /** Asks the loop to end: wakes it if it sleeps, lets a running task finish. */
    void requestStop() {
        synchronized (lock) {
            stopping = true;
            if (state == State.SLEEPING && thread != null) {
                thread.interrupt();
            }
        }
    }

    /** The slot the loop waits for, or (while running) the first slot after now; empty once stopped. */
    Optional<Instant> nextRun() {
        synchronized (lock) {
            if (stopping || state == State.ENDED || thread == null) {
                return Optional.empty();
            }
            if (state == State.SLEEPING) {
                return Optional.of(sleepingUntil);
            }
        }
        return schedule.nextSlotAfter(time.now());
    }

    boolean isRunningTask() {
        synchronized (lock) {
            return state == State.RUNNING;
        }
    }

    /** @return the slot handled, so the regular loop continues after it; null when none was */
    private Instant runStartupOrCatchUp() {
        Optional<Duration> startupDelay = schedule.startupDelay();
        if (startupDelay.isPresent()) {
            if (sleepUntil(startedAt.plus(startupDelay.get()))) {
                // A start-up run is this node's own: its slot is the moment it starts.
                runWithRetries(time.now().truncatedTo(ChronoUnit.MILLIS), "start-up");
            }
            return null;
        }
        if (!catchUp) {
            return null;
        }
        Optional<Instant> missed = missedSlot();
        missed.ifPresent(slot -> runWithRetries(slot, "catch-up"));
        return missed.orElse(null);
    }

    /**
     * The newest slot before now if the task has run before but not since that slot (the node was down):
     * at most one catch-up run, however many slots were missed. A task that never ran has missed nothing.
     * Every node computes the same slot, so only one of them runs the catch-up.
     */
    private Optional<Instant> missedSlot() {
        Optional<Instant> latest = schedule.latestSlotAtOrBefore(time.now());
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Optional<TaskRun> lastRun;
        try {
            lastRun = tasks.getTask(task).findLastRun();
        } catch (RuntimeException e) {
            LOG.warn("{}: could not read the run log to look for a missed run; none is made", task, e);
            return Optional.empty();
        }
        if (lastRun.isPresent() && lastRun.get().startedAt().isBefore(latest.get())) {
            LOG.info("{}: the slot at {} was missed (last run started {}); running it once now",
                    task, latest.get(), lastRun.get().startedAt());
            return latest;
        }
        return Optional.empty();
    }

    private void runWithRetries(Instant slot, String kind) {
        Optional<TaskReport> report = runOnce(slot, kind);
        for (int attempt = 1; attempt <= retry.maxRetries() && report.isPresent() && !report.get().succeeded();
                attempt++) {
            Instant retryAt = time.now().plus(retry.delayBefore(attempt));
            Optional<Instant> nextSlot = schedule.nextSlotAfter(slot);
            if (nextSlot.isPresent() && !retryAt.isBefore(nextSlot.get())) {
                LOG.info("{}: no retry, the next slot {} comes first", task, nextSlot.get());
                return;
            }
            LOG.info("{}: retry {} of {} at {}", task, attempt, retry.maxRetries(), retryAt);
            if (!sleepUntil(retryAt)) {
                return;
            }
            // A retry claims its own slot: the failed slot was claimed once and stays claimed.
            report = runOnce(time.now().truncatedTo(ChronoUnit.MILLIS), "retry " + attempt);
        }
    }

    /** Runs one slot through the core; empty when it was not this node's to run or could not start. */
    private Optional<TaskReport> runOnce(Instant slot, String kind) {
        synchronized (lock) {
            if (stopping) {
                return Optional.empty();
            }
            state = State.RUNNING;
        }
        try {
            Optional<TaskReport> report = tasks.runSlot(task, slot, lease);
            report.ifPresentOrElse(
                    r -> log(r, slot, kind),
                    () -> LOG.debug("{}: {} slot {} not run here (running, or claimed by another node)",
                            task, kind, slot));
            return report;
        } catch (RuntimeException e) {
            // The run could not even start (storage unreachable when claiming the lease, say): nothing was
            // recorded, so it is logged here, and counts as a failure for retries.
            LOG.error("{}: {} slot {} could not start: {}", task, kind, slot, e.toString(), e);
            Instant now = time.now();
            return Optional.of(TaskReport.failed(task, now, now, "could not start: " + e.getMessage()));
        } finally {
            synchronized (lock) {
                state = State.IDLE;
            }
        }
    }

    private void log(TaskReport report, Instant slot, String kind) {
        if (report.succeeded()) {
            LOG.info("{}: {} run for slot {} succeeded in {} ms {}", task, kind, slot, report.duration().toMillis(),
                    report.counts());
        } else {
            LOG.warn("{}: {} run for slot {} failed: {}", task, kind, slot, report.error());
        }
    }

    /** Sleeps until {@code deadline}; false when the loop is being stopped instead. */
    private boolean sleepUntil(Instant deadline) {
        while (true) {
            synchronized (lock) {
                if (stopping) {
                    return false;
                }
                if (!time.now().isBefore(deadline)) {
                    state = State.IDLE;
                    Thread.interrupted(); // a stale wake-up must not reach the task
                    return true;
                }
                state = State.SLEEPING;
                sleepingUntil = deadline;
            }
            try {
                time.sleepUntil(deadline);
            } catch (InterruptedException e) {
                // requestStop() wakes the loop this way; the check above decides.
            }
        }
    }
}
