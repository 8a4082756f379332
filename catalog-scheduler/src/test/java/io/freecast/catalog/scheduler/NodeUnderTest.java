package io.freecast.catalog.scheduler;

import io.freecast.catalog.application.TaskRecorder;
import io.freecast.catalog.application.TaskServices;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskOverview;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.port.in.TaskAdministration;
import io.freecast.catalog.port.out.CatalogStorage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One node of a deployment, for tests on a real database: the core's own task administration over the
 * node's storage (run log and leases in the database), running a test task that records when it ran,
 * on which node and for which slot, and counts how many runs are under way at once across nodes.
 */
final class NodeUnderTest implements TaskAdministration {

    /** A run of a slot: its work went from start to end, and the node held the task until released. */
    record Run(String node, Instant slot, Instant start, Instant end, Instant released) {
    }

    /** What every node of one test shares: the runs seen and the number running at once. */
    static final class Shared {
        final ConcurrentLinkedQueue<Run> runs = new ConcurrentLinkedQueue<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
    }

    private final String node;
    private final Shared shared;
    private final TaskAdministration core;
    private final Duration workTime;
    private final ThreadLocal<Instant[]> workOfThisThread = new ThreadLocal<>();
    volatile CountDownLatch hang;
    final CountDownLatch started = new CountDownLatch(1);

    NodeUnderTest(String node, CatalogStorage storage, Shared shared, Duration workTime) {
        this.node = node;
        this.shared = shared;
        this.workTime = workTime;
        Clock clock = Clock.systemUTC();
        TaskRecorder recorder = new TaskRecorder(storage.taskRuns(), clock, node);
        this.core = TaskServices.taskAdministration(task -> recorder.record(task, () -> work(task, clock)),
                storage.taskRuns(), storage::taskLeases, () -> null, clock, node);
    }

    private TaskReport work(TaskName task, Clock clock) {
        int now = shared.running.incrementAndGet();
        shared.maxRunning.accumulateAndGet(now, Math::max);
        Instant start = clock.instant();
        started.countDown();
        try {
            CountDownLatch block = hang;
            if (block != null) {
                block.await();
            } else {
                Thread.sleep(workTime);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shared.running.decrementAndGet();
        }
        Instant end = clock.instant();
        Instant[] work = workOfThisThread.get();
        if (work != null) {
            work[0] = start;
            work[1] = end;
        }
        return TaskReport.succeeded(task, start, end, Map.of("worked", 1L), List.of(), List.of());
    }

    @Override
    public Optional<TaskReport> runSlot(TaskName task, Instant slot, Duration leaseFor) {
        Instant[] work = new Instant[2];
        workOfThisThread.set(work);
        try {
            Optional<TaskReport> report = core.runSlot(task, slot, leaseFor);
            if (report.isPresent() && work[0] != null) {
                shared.runs.add(new Run(node, slot, work[0], work[1], Instant.now()));
            }
            return report;
        } finally {
            workOfThisThread.remove();
        }
    }

    @Override
    public List<TaskOverview> listTasks() {
        return core.listTasks();
    }

    @Override
    public TaskOverview getTask(TaskName task) {
        return core.getTask(task);
    }

    @Override
    public Page<TaskRun> listRuns(TaskName task, PageRequest page) {
        return core.listRuns(task, page);
    }

    @Override
    public TaskReport runNow(TaskName task) {
        return core.runNow(task);
    }

    @Override
    public CompletableFuture<TaskReport> startNow(TaskName task) {
        return core.startNow(task);
    }

    @Override
    public TaskReport runNow(TaskName task, Duration leaseFor, java.util.function.Supplier<TaskReport> work) {
        return core.runNow(task, leaseFor, work);
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return core.awaitIdle(timeout);
    }
}
