package io.freecast.catalog.application;

import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskOverview;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.in.TaskAdministration;
import io.freecast.catalog.port.in.TaskAlreadyRunningException;
import io.freecast.catalog.port.out.TaskLeases;
import io.freecast.catalog.port.out.TaskRunLog;
import io.freecast.catalog.port.out.TaskScheduleInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time per task: an in-memory flag per task keeps this node from starting a second
 * run, and the storage's lease keeps every other node from starting one.
 */
final class TaskAdministrationService implements TaskAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(TaskAdministrationService.class);
    /** Enough runs to look past a few "running" rows (e.g. left by dead nodes) for the last result. */
    private static final int RUNS_SCANNED_FOR_LAST_RESULT = 20;

    private final Function<TaskName, TaskReport> runner;
    private final TaskRecorder recorder;
    private final TaskRunLog runLog;
    private final TaskLeases leases;
    private final Supplier<TaskScheduleInfo> schedule;
    private final Clock clock;
    private final String node;
    private final Map<TaskName, AtomicBoolean> runningHere = new EnumMap<>(TaskName.class);

    TaskAdministrationService(Function<TaskName, TaskReport> runner, TaskRecorder recorder, TaskRunLog runLog,
                              TaskLeases leases, Supplier<TaskScheduleInfo> schedule, Clock clock, String node) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.runLog = Objects.requireNonNull(runLog, "runLog");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.node = Objects.requireNonNull(node, "node");
        Arrays.stream(TaskName.values()).forEach(task -> runningHere.put(task, new AtomicBoolean()));
    }

    @Override
    public List<TaskOverview> listTasks() {
        return Arrays.stream(TaskName.values()).map(this::getTask).toList();
    }

    @Override
    public TaskOverview getTask(TaskName task) {
        Objects.requireNonNull(task, "task");
        List<TaskRun> recent = runLog.listRuns(task, PageRequest.first(RUNS_SCANNED_FOR_LAST_RESULT)).items();
        TaskRun lastRun = recent.isEmpty() ? null : recent.getFirst();
        TaskRun lastFinished = recent.stream().filter(run -> run.status() != TaskStatus.RUNNING).findFirst()
                .orElse(null);
        boolean running = runningHere.get(task).get() || (lastRun != null && lastRun.status() == TaskStatus.RUNNING);
        TaskScheduleInfo info = schedule.get();
        String description = info == null ? TaskOverview.UNSCHEDULED : info.describe(task);
        Instant next = info == null ? null : info.nextRun(task).orElse(null);
        return new TaskOverview(task, description, lastRun, lastFinished, next, running);
    }

    @Override
    public Page<TaskRun> listRuns(TaskName task, PageRequest page) {
        return runLog.listRuns(Objects.requireNonNull(task, "task"), Objects.requireNonNull(page, "page"));
    }

    @Override
    public TaskReport runNow(TaskName task) {
        return runNow(task, DEFAULT_LEASE, () -> runner.apply(task));
    }

    @Override
    public TaskReport runNow(TaskName task, Duration leaseFor, Supplier<TaskReport> work) {
        Objects.requireNonNull(work, "work");
        requirePositive(leaseFor);
        claimForManualRun(task, leaseFor, false);
        return runClaimed(task, leaseFor, work);
    }

    @Override
    public CompletableFuture<TaskReport> startNow(TaskName task) {
        // The caller waits for the answer (202 or why not), not for the run: the claim may be refused as busy.
        claimForManualRun(task, DEFAULT_LEASE, true);
        CompletableFuture<TaskReport> result = new CompletableFuture<>();
        Thread.ofVirtual().name("catalog-" + task.wireName()).start(() -> {
            try {
                result.complete(runClaimed(task, DEFAULT_LEASE, () -> runner.apply(task)));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
                throw e;
            }
        });
        return result;
    }

    @Override
    public Optional<TaskReport> runSlot(TaskName task, Instant slot, Duration leaseFor) {
        Objects.requireNonNull(slot, "slot");
        requirePositive(leaseFor);
        if (!runningHere.get(task).compareAndSet(false, true)) {
            LOG.info("{}: slot {} skipped, a run is still under way on this node", task, slot);
            return Optional.empty();
        }
        recorder.writePending();
        boolean claimed = false;
        Instant startedAt = clock.instant();
        try {
            claimed = leases.tryClaim(task, slot, node, startedAt, leaseFor);
        } catch (RuntimeException e) {
            // The slot came and could not run: the run log says so (now, or once it can be written).
            return Optional.of(recorder.recordNotStarted(task, startedAt, e));
        } finally {
            if (!claimed) {
                notRunningHere(task);
            }
        }
        if (!claimed) {
            LOG.debug("{}: slot {} belongs to another node", task, slot);
            return Optional.empty();
        }
        return Optional.of(runClaimed(task, leaseFor, () -> runner.apply(task)));
    }

    /**
     * Takes this node's flag and the storage lease for a run asked for now, or throws saying who runs it.
     *
     * @param interactive the caller only waits for the answer ({@link TaskLeases#tryClaimInteractively}); a run
     *                    in the foreground waits its turn for the lease's write like any task
     */
    private void claimForManualRun(TaskName task, Duration leaseFor, boolean interactive) {
        Objects.requireNonNull(task, "task");
        if (!runningHere.get(task).compareAndSet(false, true)) {
            throw new TaskAlreadyRunningException(task, "on this node");
        }
        boolean claimed = false;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            claimed = interactive ? leases.tryClaimInteractively(task, now, node, now, leaseFor)
                    : leases.tryClaim(task, now, node, now, leaseFor);
        } catch (RuntimeException e) {
            // Asked for and could not run: the caller hears why, and the run log says so too.
            recorder.recordNotStarted(task, now, e);
            throw e;
        } finally {
            if (!claimed) {
                notRunningHere(task);
            }
        }
        if (!claimed) {
            throw new TaskAlreadyRunningException(task, "on another node");
        }
    }

    /**
     * Runs a task whose flag and lease this node holds, keeping the lease alive while it runs, and gives
     * both up afterwards.
     */
    private TaskReport runClaimed(TaskName task, Duration leaseFor, Supplier<TaskReport> work) {
        LeaseHeartbeat heartbeat = LeaseHeartbeat.start(leases, task, node, clock, leaseFor);
        try {
            closeAbandonedRuns(task);
            return work.get();
        } finally {
            heartbeat.stop();
            try {
                leases.release(task, node);
            } catch (RuntimeException e) {
                // The lease expires on its own; other nodes wait at most its length.
                LOG.warn("{}: could not release the task lease; it will expire by itself", task, e);
            }
            notRunningHere(task);
        }
    }

    @Override
    public boolean stopRuns(String reason, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean ended = recorder.stopAll(reason, wait);
        // A run that ended still gives its lease back; a caller closing the database next waits for that too.
        return awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))) && ended;
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (runningHere) {
            while (runningHere.values().stream().anyMatch(AtomicBoolean::get)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                runningHere.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Clears a task's flag here and wakes whoever waits for this node to be idle. */
    private void notRunningHere(TaskName task) {
        synchronized (runningHere) {
            runningHere.get(task).set(false);
            runningHere.notifyAll();
        }
    }

    /**
     * Holding the task's lease, this node knows no run of the task is under way anywhere: a run the log
     * still shows as running was abandoned by a node that died (or lost the database) mid-run. It is
     * closed as failed, saying so, so the task's status does not read "running" forever. A run of this
     * node whose real end waits to be written (the database was unreachable when it ended) is not
     * abandoned: its end is written first, with its real cause.
     */
    private void closeAbandonedRuns(TaskName task) {
        try {
            recorder.writePending();
            Set<Long> waiting = recorder.runsWithPendingOutcome();
            for (TaskRun run : runLog.listRuns(task, PageRequest.first(RUNS_SCANNED_FOR_LAST_RESULT)).items()) {
                if (run.status() == TaskStatus.RUNNING && !waiting.contains(run.id())) {
                    Instant now = clock.instant();
                    runLog.recordFinish(run.id(), TaskReport.failed(task, run.startedAt(),
                            now.isBefore(run.startedAt()) ? run.startedAt() : now,
                            "abandoned: node " + run.node() + " stopped while running it (its lease expired)"));
                    LOG.warn("{}: run {} on node {} was abandoned mid-run; closed as failed", task, run.id(), run.node());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: could not close abandoned runs: {}", task, e.toString());
        }
    }

    private static void requirePositive(Duration leaseFor) {
        if (leaseFor == null || leaseFor.isNegative() || leaseFor.isZero()) {
            throw new IllegalArgumentException("leaseFor must be a positive duration, got " + leaseFor);
        }
    }
}
