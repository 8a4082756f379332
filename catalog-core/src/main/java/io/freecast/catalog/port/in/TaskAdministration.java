package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskOverview;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The catalog's tasks as an operator handles them: what they are, how they ran, and running one now.
 * {@link io.freecast.catalog.Catalog#tasks()} gives it; the CLI's {@code tasks} command, the HTTP
 * {@code /tasks} routes and a scheduler all go through it.
 *
 * <p>A task never runs twice at once: not on this node (runs started here are guarded in memory) and not
 * across nodes sharing one database (every run first claims the task's lease in storage,
 * {@link io.freecast.catalog.port.out.TaskLeases}). Without a scheduler attached, each task's schedule
 * is {@code off} and it has no next run.
 */
public interface TaskAdministration {

    /**
     * How long a run holds the task's lease without renewal: while it runs, its node renews the lease
     * every third of this, so this is how long a node that died mid-run holds the task up.
     */
    Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    /** Every task, in {@link TaskName} order. */
    List<TaskOverview> listTasks();

    TaskOverview getTask(TaskName task);

    /** Runs of one task, newest first. */
    Page<TaskRun> listRuns(TaskName task, PageRequest page);

    /**
     * Runs the task now on the calling thread, with the catalog's settings, and returns its report (a
     * failed run is a failed report, not an exception).
     *
     * @throws TaskAlreadyRunningException when it is running here or on another node
     */
    TaskReport runNow(TaskName task);

    /**
     * Runs {@code work} now on the calling thread as a run of {@code task}, under the same guard as every
     * run, holding the task's lease for {@code leaseFor} (renewed while it runs): for callers that run a
     * task with arguments of their own (the CLI's options) rather than the catalog's settings. {@code work}
     * records the run itself (the {@code Catalog}'s task methods do).
     *
     * @throws TaskAlreadyRunningException when it is running here or on another node; {@code work} is not called
     */
    TaskReport runNow(TaskName task, Duration leaseFor, Supplier<TaskReport> work);

    /**
     * Starts a run in the background. Whether it may start is decided before this returns, so a caller
     * can answer "started" or "already running" at once.
     *
     * @return completes with the run's report
     * @throws TaskAlreadyRunningException when it is running here or on another node
     */
    CompletableFuture<TaskReport> startNow(TaskName task);

    /**
     * Runs the occurrence of a schedule planned for {@code slot}, if it is this node's to run: every node
     * of a deployment calls this for the same slot, and exactly one of them runs it. The lease lasts
     * {@code leaseFor} and is renewed every third of it while the run goes on, so a node that dies mid-run
     * holds the task up for at most {@code leaseFor}.
     *
     * @return the report, or empty when the slot was not run here (already running, or another node
     *         claimed it)
     */
    Optional<TaskReport> runSlot(TaskName task, Instant slot, Duration leaseFor);

    /**
     * Waits until no run started on this node (scheduled, started or run now) is under way, at most
     * {@code timeout}: what a graceful shutdown does before closing the database under them.
     *
     * @return true when none is running, false when the timeout passed first
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException;

    /**
     * Stops the runs under way on this node, for a shutdown that will not wait any longer: each is asked
     * to stop (an import stops between two items and rolls its transaction back; its thread is interrupted,
     * which also wakes it from a stalled read) and is recorded as {@code interrupted} with {@code reason}.
     * Waits at most {@code wait} for them; a run still going then is recorded as interrupted at once, so
     * the run log never keeps a {@code running} row for it. A run that succeeds before it sees the request
     * is recorded as succeeded.
     *
     * @return true when every run had ended within {@code wait}
     */
    boolean stopRuns(String reason, Duration wait) throws InterruptedException;
}
