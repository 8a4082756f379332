package io.freecast.catalog.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskOverview;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.in.TaskAlreadyRunningException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's task administration and the scheduler on a real SQLite file. */
class TaskAdministrationOnSqliteIT {

    @TempDir
    Path dir;

    /** Two nodes, "here" and "there", on one database; their test task takes 10 ms unless told to hang. */
    private record TwoNodes(NodeUnderTest.Shared shared, NodeUnderTest here, NodeUnderTest there) {

        static TwoNodes on(TestDatabase db) {
            NodeUnderTest.Shared shared = new NodeUnderTest.Shared();
            return new TwoNodes(shared, new NodeUnderTest("here", db.open(), shared, Duration.ofMillis(10)),
                    new NodeUnderTest("there", db.open(), shared, Duration.ofMillis(10)));
        }
    }

    @Test
    void aTaskIsNeverStartedTwiceAtOnceHereOrOnAnotherNode() throws Exception {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            TwoNodes nodes = TwoNodes.on(db);
            NodeUnderTest here = nodes.here();
            NodeUnderTest there = nodes.there();
            CountDownLatch hang = new CountDownLatch(1);
            here.hang = hang;

            CompletableFuture<TaskReport> first = here.startNow(TaskName.VALIDATE_SOURCES);
            assertThat(here.started.await(20, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> here.runNow(TaskName.VALIDATE_SOURCES))
                    .isInstanceOf(TaskAlreadyRunningException.class).hasMessageContaining("on this node");
            assertThatThrownBy(() -> there.startNow(TaskName.VALIDATE_SOURCES))
                    .isInstanceOf(TaskAlreadyRunningException.class).hasMessageContaining("on another node");
            assertThat(there.runSlot(TaskName.VALIDATE_SOURCES, Instant.now(), Duration.ofMinutes(1))).isEmpty();
            assertThat(here.getTask(TaskName.VALIDATE_SOURCES).running()).isTrue();
            assertThat(there.getTask(TaskName.VALIDATE_SOURCES).running()).isTrue(); // the shared run log says so

            hang.countDown();
            assertThat(first.get(20, TimeUnit.SECONDS).succeeded()).isTrue();
            here.hang = null;
            assertThat(there.runNow(TaskName.VALIDATE_SOURCES).succeeded()).isTrue(); // released: free again
            assertThat(nodes.shared().maxRunning.get()).isEqualTo(1);
            assertThat(here.listRuns(TaskName.VALIDATE_SOURCES, PageRequest.firstPage()).items())
                    .extracting(run -> run.node()).containsExactly("there", "here");
        }
    }

    @Test
    void aRunWithTheCallersOwnWorkIsGuardedLikeEveryRun() throws Exception {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            TwoNodes nodes = TwoNodes.on(db);
            NodeUnderTest here = nodes.here();
            NodeUnderTest there = nodes.there();
            CountDownLatch hang = new CountDownLatch(1);
            here.hang = hang;
            AtomicInteger calls = new AtomicInteger();
            TaskReport own = TaskReport.succeeded(TaskName.IMPORT_SHOWS, Instant.now(), Instant.now(),
                    Map.of("own", 1L), List.of(), List.of());

            CompletableFuture<TaskReport> scheduled = here.startNow(TaskName.IMPORT_SHOWS);
            assertThat(here.started.await(20, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> there.runNow(TaskName.IMPORT_SHOWS, Duration.ofMinutes(1), () -> count(calls, own)))
                    .isInstanceOf(TaskAlreadyRunningException.class).hasMessageContaining("on another node");
            assertThatThrownBy(() -> here.runNow(TaskName.IMPORT_SHOWS, Duration.ofMinutes(1), () -> count(calls, own)))
                    .isInstanceOf(TaskAlreadyRunningException.class).hasMessageContaining("on this node");
            assertThat(calls).hasValue(0);

            hang.countDown();
            scheduled.get(20, TimeUnit.SECONDS);
            assertThat(there.runNow(TaskName.IMPORT_SHOWS, Duration.ofMinutes(1), () -> count(calls, own))).isSameAs(own);
            assertThat(calls).hasValue(1);
            assertThat(here.startNow(TaskName.IMPORT_SHOWS).get(20, TimeUnit.SECONDS).succeeded()).isTrue();
        }
    }

    @Test
    void awaitingIdleWaitsForRunsUnderWayOnThisNodeOnly() throws Exception {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            TwoNodes nodes = TwoNodes.on(db);
            NodeUnderTest here = nodes.here();
            NodeUnderTest there = nodes.there();
            assertThat(here.awaitIdle(Duration.ZERO)).isTrue();
            CountDownLatch hang = new CountDownLatch(1);
            here.hang = hang;

            CompletableFuture<TaskReport> running = here.startNow(TaskName.VALIDATE_SOURCES);
            assertThat(here.started.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(here.awaitIdle(Duration.ofMillis(50))).isFalse();
            assertThat(there.awaitIdle(Duration.ZERO)).isTrue();

            Thread.ofVirtual().start(() -> {
                sleepQuietly(100);
                hang.countDown();
            });
            assertThat(here.awaitIdle(Duration.ofSeconds(20))).isTrue();
            assertThat(running.get(20, TimeUnit.SECONDS).succeeded()).isTrue();
        }
    }

    private static TaskReport count(AtomicInteger calls, TaskReport report) {
        calls.incrementAndGet();
        return report;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theSameSlotRunsOnlyOnce() throws Exception {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            NodeUnderTest.Shared shared = new NodeUnderTest.Shared();
            NodeUnderTest a = new NodeUnderTest("a", db.open(), shared, Duration.ofMillis(1));
            NodeUnderTest b = new NodeUnderTest("b", db.open(), shared, Duration.ofMillis(1));
            Instant slot = Instant.parse("2026-11-24T12:00:00Z");

            assertThat(a.runSlot(TaskName.UPDATE_RATINGS, slot, Duration.ofMinutes(1))).isPresent();
            assertThat(b.runSlot(TaskName.UPDATE_RATINGS, slot, Duration.ofMinutes(1))).isEmpty();
            assertThat(a.runSlot(TaskName.UPDATE_RATINGS, slot, Duration.ofMinutes(1))).isEmpty();
            assertThat(b.runSlot(TaskName.UPDATE_RATINGS, slot.plusSeconds(180), Duration.ofMinutes(1))).isPresent();
            assertThat(shared.runs).extracting(NodeUnderTest.Run::node).containsExactly("a", "b");
        }
    }

    @Test
    void aRunLeftRunningByACrashedProcessIsClosedByTheNextRun() throws Exception {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            JdbcCatalogStore store = db.open();
            // A process recorded a start and died before recording the end.
            long crashed = store.ports().taskRuns().recordStart(TaskName.UPDATE_RATINGS, "crashed-node",
                    Instant.now().minusSeconds(600));
            NodeUnderTest node = new NodeUnderTest("node", store, new NodeUnderTest.Shared(), Duration.ofMillis(1));
            assertThat(node.getTask(TaskName.UPDATE_RATINGS).running()).isTrue();

            assertThat(node.runNow(TaskName.UPDATE_RATINGS).succeeded()).isTrue();

            TaskOverview after = node.getTask(TaskName.UPDATE_RATINGS);
            assertThat(after.running()).isFalse();
            assertThat(node.listRuns(TaskName.UPDATE_RATINGS, PageRequest.firstPage()).items())
                    .filteredOn(run -> run.id() == crashed).singleElement().satisfies(run -> {
                        assertThat(run.status()).isEqualTo(TaskStatus.FAILED);
                        assertThat(run.error()).contains("abandoned").contains("crashed-node");
                    });
        }
    }

    @Test
    void theCatalogListsItsTasksWithScheduleLastRunResultAndNextRun() throws Exception {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            JdbcCatalogStore store = db.open();
            // import-shows has a feed but no feed reader: its start-up run fails, and is recorded.
            Catalog catalog = Catalog.builder().storage(store).nodeName("test-node")
                    .showsFeed(FeedLocation.parse("shows.json")).build();

            TaskOverview before = catalog.tasks().getTask(TaskName.IMPORT_SHOWS);
            assertThat(before.schedule()).isEqualTo("off");
            assertThat(before.findNextRun()).isEmpty();
            assertThat(before.findLastRun()).isEmpty();
            assertThat(before.lastResult()).isEmpty();

            CatalogScheduler scheduler = CatalogScheduler.builder(catalog)
                    .onlyTasks(List.of(TaskName.IMPORT_SHOWS, TaskName.VALIDATE_SOURCES))
                    .schedule(TaskName.IMPORT_SHOWS, Schedule.parse("startup+24h"))
                    .build();
            Instant startedAt = Instant.now();
            scheduler.start();
            try {
                awaitLastResult(catalog, TaskName.IMPORT_SHOWS);
                List<TaskOverview> tasks = catalog.tasks().listTasks();
                assertThat(tasks).extracting(TaskOverview::task).containsExactly(TaskName.values());

                TaskOverview importShows = tasks.getFirst();
                assertThat(importShows.schedule()).isEqualTo("startup+24h");
                assertThat(importShows.lastResult()).contains(TaskStatus.FAILED);
                assertThat(importShows.findLastFinished()).get().satisfies(run -> {
                    assertThat(run.node()).isEqualTo("test-node");
                    assertThat(run.error()).contains("feedReader");
                });
                // The failure does not stop the schedule: the next run is tomorrow's slot.
                assertThat(importShows.findNextRun()).contains(
                        Schedule.every(Duration.ofHours(24)).nextSlotAfter(startedAt).orElseThrow());

                TaskOverview validate = catalog.tasks().getTask(TaskName.VALIDATE_SOURCES);
                assertThat(validate.schedule()).isEqualTo("0 */6 * * *");
                assertThat(validate.findNextRun()).contains(
                        Schedule.cron("0 */6 * * *").nextSlotAfter(Instant.now()).orElseThrow());
                assertThat(catalog.tasks().getTask(TaskName.UPDATE_RATINGS).schedule()).isEqualTo("off");
            } finally {
                scheduler.close();
            }
            assertThat(catalog.tasks().getTask(TaskName.IMPORT_SHOWS).schedule()).isEqualTo("off");
            assertThat(catalog.tasks().getTask(TaskName.IMPORT_SHOWS).findNextRun()).isEmpty();

            // Run by hand, a task without a feed fails like any run: a report, recorded, nothing thrown.
            TaskReport noFeed = catalog.tasks().runNow(TaskName.IMPORT_MOVIES);
            assertThat(noFeed.error()).contains("moviesFeed");
            assertThat(catalog.tasks().getTask(TaskName.IMPORT_MOVIES).lastResult()).contains(TaskStatus.FAILED);
            catalog.close();
        }
    }

    private static void awaitLastResult(Catalog catalog, TaskName task) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (catalog.tasks().getTask(task).lastResult().isEmpty()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(task + " never finished a run");
            }
            Thread.sleep(20);
        }
    }
}
