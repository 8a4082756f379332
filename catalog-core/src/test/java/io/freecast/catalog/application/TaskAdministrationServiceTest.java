package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskOverview;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.in.TaskAdministration;
import io.freecast.catalog.port.in.TaskAlreadyRunningException;
import io.freecast.catalog.port.out.StorageUnavailableException;
import io.freecast.catalog.port.out.TaskScheduleInfo;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import io.freecast.catalog.testing.InMemoryLinkChecker;
import io.freecast.catalog.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Task administration on the in-memory store: two catalogs on one store are two nodes sharing a database
 * (one run log, one set of leases); leases expire by the test's clock, so nothing waits for time to pass.
 */
class TaskAdministrationServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final TaskName TASK = TaskName.VALIDATE_SOURCES;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryCatalogStore store = InMemoryCatalogStore.create(clock);
    private final TaskAdministration here = node("here");
    private final TaskAdministration there = node("there");
    private final CountDownLatch release = new CountDownLatch(1);

    private TaskAdministration node(String name) {
        return Catalog.builder().storage(store).linkChecker(new InMemoryLinkChecker()).clock(clock).nodeName(name)
                .build().tasks();
    }

    @AfterEach
    void letHangingRunsEnd() {
        release.countDown();
    }

    /** Starts a run on {@code node} that holds the task until the test lets it go; returns once it runs. */
    private CompletableFuture<TaskReport> hangingRun(TaskAdministration node) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<TaskReport> run = CompletableFuture.supplyAsync(() -> node.runNow(TASK, LEASE, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TaskReport.succeeded(TASK, clock.instant(), clock.instant(), Map.of(), List.of(), List.of());
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        return run;
    }

    @Test
    void aRunIsRecordedWithItsReportAndTheTaskIsFreeAgainAfterwards() {
        TaskReport report = here.runNow(TASK);

        assertThat(report.succeeded()).isTrue();
        TaskOverview overview = here.getTask(TASK);
        assertThat(overview.running()).isFalse();
        assertThat(overview.lastResult()).contains(TaskStatus.SUCCEEDED);
        assertThat(overview.findLastRun()).hasValueSatisfying(run -> assertThat(run.node()).isEqualTo("here"));
        assertThat(store.taskLeases().holder(TASK, clock.instant())).as("released").isEmpty();
        clock.advance(Duration.ofSeconds(1));   // a claim is for a newer slot: the next manual run's instant
        assertThat(there.runNow(TASK).succeeded()).isTrue();
        assertThat(here.listRuns(TASK, PageRequest.firstPage()).items()).extracting(TaskRun::node)
                .containsExactly("there", "here");
    }

    @Test
    void aTaskIsRefusedWhileItRunsHereOrOnAnotherNodeAndTheRefusedWorkNeverStarts() throws Exception {
        CompletableFuture<TaskReport> running = hangingRun(here);
        AtomicInteger calls = new AtomicInteger();
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> here.runNow(TASK)).isInstanceOf(TaskAlreadyRunningException.class)
                .hasMessage("validate-sources is already running on this node; try again when that run has finished");
        assertThatThrownBy(() -> there.startNow(TASK)).isInstanceOf(TaskAlreadyRunningException.class)
                .hasMessageContaining("on another node");
        assertThatThrownBy(() -> there.runNow(TASK, LEASE, () -> {
            calls.incrementAndGet();
            return null;
        })).isInstanceOf(TaskAlreadyRunningException.class);
        assertThat(there.runSlot(TASK, clock.instant().plusSeconds(1), LEASE)).isEmpty();
        assertThat(calls).hasValue(0);
        assertThat(here.getTask(TASK).running()).isTrue();
        assertThat(here.awaitIdle(Duration.ZERO)).isFalse();
        assertThat(there.awaitIdle(Duration.ZERO)).as("nothing runs on that node").isTrue();
        // Other tasks are free meanwhile.
        assertThat(there.runNow(TaskName.IMPORT_SHOWS).status()).isEqualTo(TaskStatus.FAILED);

        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(here.awaitIdle(Duration.ofSeconds(10))).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(there.startNow(TASK).get(10, TimeUnit.SECONDS).succeeded()).isTrue();
    }

    @Test
    void aLeaseLeftByADeadNodeHoldsTheTaskUntilItExpiresAndItsRunIsThenClosedAsAbandoned() {
        long abandoned = store.taskRuns().recordStart(TASK, "dead-node", T0);
        assertThat(store.taskLeases().tryClaim(TASK, T0, "dead-node", T0, LEASE)).isTrue();
        assertThat(here.getTask(TASK).running()).as("the shared log says it runs").isTrue();

        clock.advance(LEASE.minusSeconds(1));
        assertThatThrownBy(() -> here.runNow(TASK)).hasMessageContaining("on another node");

        clock.advance(Duration.ofSeconds(2));
        assertThat(here.runNow(TASK).succeeded()).isTrue();

        TaskRun closed = here.listRuns(TASK, PageRequest.firstPage()).items().stream()
                .filter(run -> run.id() == abandoned).findFirst().orElseThrow();
        assertThat(closed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(closed.error()).isEqualTo("abandoned: node dead-node stopped while running it (its lease expired)");
        assertThat(closed.finishedAt()).isEqualTo(clock.instant());
        assertThat(here.getTask(TASK).running()).isFalse();
    }

    @Test
    void aScheduledSlotRunsOnExactlyOneNodeAndSlotsOnlyMoveForward() {
        Instant slot = T0.plusSeconds(60);

        Optional<TaskReport> first = here.runSlot(TASK, slot, LEASE);
        Optional<TaskReport> again = there.runSlot(TASK, slot, LEASE);
        Optional<TaskReport> older = there.runSlot(TASK, slot.minusSeconds(30), LEASE);
        Optional<TaskReport> next = there.runSlot(TASK, slot.plusSeconds(180), LEASE);

        assertThat(first).isPresent();
        assertThat(again).isEmpty();
        assertThat(older).isEmpty();
        assertThat(next).isPresent();
        assertThat(here.listRuns(TASK, PageRequest.firstPage()).items()).extracting(TaskRun::node)
                .containsExactlyInAnyOrder("here", "there");
    }

    @Test
    void aTaskWhoseAdapterOrFeedIsMissingFailsAsARecordedRunSayingWhatToCall() {
        TaskReport noProvider = here.runNow(TaskName.UPDATE_RATINGS);
        TaskReport noFeed = here.runNow(TaskName.IMPORT_MOVIES);

        assertThat(noProvider.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(noProvider.error()).contains("call Catalog.builder().ratingProvider(…)");
        assertThat(noFeed.error()).isEqualTo("no feed configured: call Catalog.builder().moviesFeed(…)");
        assertThat(here.getTask(TaskName.IMPORT_MOVIES).lastResult()).contains(TaskStatus.FAILED);
    }

    @Test
    void tasksAreListedInOrderWithTheAttachedSchedulersPlans() {
        Catalog catalog = Catalog.builder().storage(store).clock(clock).nodeName("here").build();
        assertThat(catalog.tasks().listTasks()).extracting(TaskOverview::task).containsExactly(TaskName.values());
        assertThat(catalog.tasks().getTask(TASK).schedule()).isEqualTo(TaskOverview.UNSCHEDULED);

        TaskScheduleInfo plans = new TaskScheduleInfo() {
            @Override
            public String describe(TaskName task) {
                return "every 6 hours (0 */6 * * *)";
            }

            @Override
            public Optional<Instant> nextRun(TaskName task) {
                return Optional.of(T0.plusSeconds(3600));
            }
        };
        catalog.attachSchedule(plans);
        assertThat(catalog.tasks().getTask(TASK).schedule()).isEqualTo("every 6 hours (0 */6 * * *)");
        assertThat(catalog.tasks().getTask(TASK).findNextRun()).contains(T0.plusSeconds(3600));

        catalog.detachSchedule(plans);
        assertThat(catalog.tasks().getTask(TASK).findNextRun()).isEmpty();
    }

    @Test
    void aTriggerRefusedAsBusyLeavesTheTaskFreeWhileARunInTheForegroundWaitsItsTurn() throws Exception {
        store.taskLeases().busyWithAnImport = true;

        assertThatThrownBy(() -> here.startNow(TASK)).isInstanceOf(StorageUnavailableException.class);

        assertThat(here.getTask(TASK).running()).isFalse();
        assertThat(here.runNow(TASK).succeeded()).as("the foreground run's claim is not refused").isTrue();
        store.taskLeases().busyWithAnImport = false;
        clock.advance(Duration.ofSeconds(1)); // a claim's slot is its time, and slots only move forward
        assertThat(here.startNow(TASK).get(10, TimeUnit.SECONDS).succeeded()).isTrue();
    }

    @Test
    void aLeaseMustBeAPositiveDuration() {
        assertThatThrownBy(() -> here.runSlot(TASK, T0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaseFor must be a positive duration");
        assertThatThrownBy(() -> here.runNow(TASK, Duration.ofSeconds(-1), () -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(here.getTask(TASK).running()).isFalse();
    }
}
