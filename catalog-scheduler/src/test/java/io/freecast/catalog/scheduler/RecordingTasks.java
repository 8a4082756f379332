package io.freecast.catalog.scheduler;

import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskOverview;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.in.TaskAdministration;
import io.freecast.catalog.port.out.TaskLeases;
import io.freecast.catalog.testing.InMemoryTaskLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A test task behind the task administration port: it records every run's slot, start and end, counts
 * how many run at once, and does what the test says (succeed, fail, or block until released). Like the
 * core, it runs a slot only when this node is idle and the lease is claimed.
 */
final class RecordingTasks implements TaskAdministration {

    record Run(TaskName task, String node, Instant slot, Instant start, Instant end, boolean succeeded) {
    }

    private final String node;
    private final TimeSource time;
    private final TaskLeases leases;
    final ConcurrentLinkedQueue<Run> runs;
    final AtomicInteger concurrent;
    final AtomicInteger maxConcurrent;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Function<Integer, Boolean> outcome = attempt -> true;
    private volatile Semaphore gate;
    private final Semaphore started = new Semaphore(0);
    private volatile TaskRun previousRun;

    RecordingTasks(String node, TimeSource time, TaskLeases leases, ConcurrentLinkedQueue<Run> runs,
                   AtomicInteger concurrent, AtomicInteger maxConcurrent) {
        this.node = node;
        this.time = time;
        this.leases = leases;
        this.runs = runs;
        this.concurrent = concurrent;
        this.maxConcurrent = maxConcurrent;
    }

    RecordingTasks(TimeSource time) {
        this("node-a", time, new InMemoryTaskLeases(), new ConcurrentLinkedQueue<>(), new AtomicInteger(),
                new AtomicInteger());
    }

    /** Run number n (from 1) succeeds when {@code outcome.apply(n)} is true. */
    RecordingTasks outcome(Function<Integer, Boolean> outcome) {
        this.outcome = outcome;
        return this;
    }

    /** From now on every run blocks until {@link #release()} is called once for it. */
    RecordingTasks blocking() {
        this.gate = new Semaphore(0);
        return this;
    }

    void release() {
        gate.release();
    }

    /** The run log as the task would show it: this run happened before the test started. */
    RecordingTasks previousRun(Instant startedAt) {
        previousRun = new TaskRun(1, TaskName.UPDATE_RATINGS, "old-node", startedAt, startedAt,
                TaskStatus.SUCCEEDED, Map.of(), null);
        return this;
    }

    void awaitStarted() throws InterruptedException {
        if (!started.tryAcquire(20, TimeUnit.SECONDS)) {
            throw new AssertionError("no run started");
        }
    }

    List<Run> runs() {
        return List.copyOf(runs);
    }

    List<Instant> slots() {
        return runs.stream().map(Run::slot).toList();
    }

    @Override
    public Optional<TaskReport> runSlot(TaskName task, Instant slot, Duration leaseFor) {
        if (!busy.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            if (!leases.tryClaim(task, slot, node, time.now(), leaseFor)) {
                return Optional.empty();
            }
            try {
                return Optional.of(work(task, slot));
            } finally {
                leases.release(task, node);
            }
        } finally {
            busy.set(false);
        }
    }

    private TaskReport work(TaskName task, Instant slot) {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        Instant start = time.now();
        started.release();
        try {
            Semaphore waitFor = gate;
            if (waitFor != null) {
                waitFor.acquireUninterruptibly();
            }
            boolean ok = outcome.apply(runs.size() + 1);
            Instant end = time.now();
            runs.add(new Run(task, node, slot, start, end, ok));
            return ok ? TaskReport.succeeded(task, start, end, Map.of(), List.of(), List.of())
                    : TaskReport.failed(task, start, end, "test failure");
        } finally {
            concurrent.decrementAndGet();
        }
    }

    @Override
    public TaskOverview getTask(TaskName task) {
        TaskRun last = runs.stream().reduce((a, b) -> b)
                .map(r -> new TaskRun(runs.size(), task, r.node(), r.start(), r.end(),
                        r.succeeded() ? TaskStatus.SUCCEEDED : TaskStatus.FAILED, Map.of(), null))
                .orElse(previousRun);
        return new TaskOverview(task, "test", last, last, null, busy.get());
    }

    @Override
    public List<TaskOverview> listTasks() {
        return List.of(TaskName.values()).stream().map(this::getTask).toList();
    }

    @Override
    public Page<TaskRun> listRuns(TaskName task, PageRequest page) {
        throw new UnsupportedOperationException("not used by the scheduler");
    }

    @Override
    public TaskReport runNow(TaskName task) {
        throw new UnsupportedOperationException("not used by the scheduler");
    }

    @Override
    public CompletableFuture<TaskReport> startNow(TaskName task) {
        throw new UnsupportedOperationException("not used by the scheduler");
    }

    @Override
    public TaskReport runNow(TaskName task, Duration leaseFor, java.util.function.Supplier<TaskReport> work) {
        throw new UnsupportedOperationException("not used by the scheduler");
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        throw new UnsupportedOperationException("not used by the scheduler");
    }

    @Override
    public boolean stopRuns(String reason, Duration wait) {
        throw new UnsupportedOperationException("not used by the scheduler");
    }
}
