package io.freecast.catalog.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two nodes sharing one PostgreSQL database (a fresh schema of their own), each with its own connection
 * pool and scheduler, coordinating only through the database's task lease. Skipped, saying why, without
 * {@code CATALOG_TEST_POSTGRES_URL}.
 */
class TwoNodesOnPostgresIT {

    private static final TaskName TASK = TaskName.UPDATE_RATINGS;

    @Test
    void everySlotRunsExactlyOnceAndNeverConcurrently() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            JdbcCatalogStore storeA = db.open();
            JdbcCatalogStore storeB = db.open();
            NodeUnderTest.Shared shared = new NodeUnderTest.Shared();
            NodeUnderTest nodeA = new NodeUnderTest("node-a", storeA, shared, Duration.ofMillis(200));
            NodeUnderTest nodeB = new NodeUnderTest("node-b", storeB, shared, Duration.ofMillis(200));
            CatalogScheduler schedulerA = everySecond(nodeA, Duration.ofSeconds(5));
            CatalogScheduler schedulerB = everySecond(nodeB, Duration.ofSeconds(5));

            schedulerA.start();
            schedulerB.start();
            awaitUntil(() -> shared.runs.size() >= 6, Duration.ofSeconds(30));
            schedulerA.close();
            schedulerB.close();

            List<NodeUnderTest.Run> runs = shared.runs.stream()
                    .sorted(Comparator.comparing(NodeUnderTest.Run::start)).toList();
            // Exactly once: no slot ran twice, on one node or across both.
            assertThat(runs).extracting(NodeUnderTest.Run::slot).doesNotHaveDuplicates();
            // Every slot: each second from the first slot run to the last ran, unless the task was still held
            // by the run of an earlier slot when it came (a slow run skips the slots it spans, by design).
            Instant first = runs.getFirst().slot();
            Instant last = runs.stream().map(NodeUnderTest.Run::slot).max(Comparator.naturalOrder()).orElseThrow();
            int ran = 0;
            for (Instant slot = first; !slot.isAfter(last); slot = slot.plusSeconds(1)) {
                Instant s = slot;
                boolean slotRan = runs.stream().anyMatch(run -> run.slot().equals(s));
                boolean taskWasBusy = runs.stream().anyMatch(run -> !run.start().isAfter(s)
                        && run.released().plusMillis(50).isAfter(s));
                assertThat(slotRan || taskWasBusy).as("slot %s ran or came while the task was busy", s).isTrue();
                ran += slotRan ? 1 : 0;
            }
            assertThat(ran).isGreaterThanOrEqualTo(6);
            // Never concurrently: each run started after the one before it ended.
            assertThat(shared.maxRunning.get()).isEqualTo(1);
            for (int i = 1; i < runs.size(); i++) {
                assertThat(runs.get(i).start()).isAfterOrEqualTo(runs.get(i - 1).end());
            }
            // And the shared run log saw each of them, finished, with the node that ran it.
            List<TaskRun> logged = storeA.ports().taskRuns().listRuns(TASK, PageRequest.first(500)).items();
            assertThat(logged).hasSameSizeAs(runs).allSatisfy(run -> assertThat(run.status())
                    .isEqualTo(TaskStatus.SUCCEEDED));
            assertThat(logged.stream().map(TaskRun::node).collect(Collectors.toSet()))
                    .isSubsetOf("node-a", "node-b");
        }
    }

    @Test
    void whenTheRunningNodeDiesTheOtherTakesOverAfterTheLease() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            JdbcCatalogStore storeA = db.open();
            JdbcCatalogStore storeB = db.open();
            NodeUnderTest.Shared shared = new NodeUnderTest.Shared();
            NodeUnderTest nodeA = new NodeUnderTest("node-a", storeA, shared, Duration.ofMillis(100));
            NodeUnderTest nodeB = new NodeUnderTest("node-b", storeB, shared, Duration.ofMillis(100));
            CountDownLatch hangA = new CountDownLatch(1);
            nodeA.hang = hangA; // node A's run never ends by itself
            CatalogScheduler schedulerA = everySecond(nodeA, Duration.ZERO);
            CatalogScheduler schedulerB = everySecond(nodeB, Duration.ofSeconds(5));
            try {
                schedulerA.start();
                assertThat(nodeA.started.await(20, TimeUnit.SECONDS)).isTrue();
                schedulerB.start();

                // While node A is alive its heartbeat keeps the 1 s lease: node B runs nothing for several
                // leases' time, although A's run outlasts the lease many times over.
                Thread.sleep(3_000);
                assertThat(nodeB.started.getCount()).isEqualTo(1);
                assertThat(shared.runs).isEmpty();

                // Node A dies: it loses its database, so it neither renews nor releases its lease.
                Instant death = Instant.now();
                storeA.close();

                assertThat(nodeB.started.await(20, TimeUnit.SECONDS)).as("node B takes over").isTrue();
                awaitUntil(() -> !shared.runs.isEmpty(), Duration.ofSeconds(20));
                NodeUnderTest.Run takeover = shared.runs.peek();
                assertThat(takeover.node()).isEqualTo("node-b");
                assertThat(takeover.start()).isAfter(death);
                List<TaskRun> log = storeB.ports().taskRuns().listRuns(TASK, PageRequest.first(500)).items();
                assertThat(log.getFirst().node()).isEqualTo("node-b");
                // Node A's run is not left "running" for ever: the node that took over closed it.
                assertThat(log.getLast()).satisfies(abandoned -> {
                    assertThat(abandoned.node()).isEqualTo("node-a");
                    assertThat(abandoned.status()).isEqualTo(TaskStatus.FAILED);
                    assertThat(abandoned.error()).contains("abandoned");
                });
            } finally {
                schedulerB.close();
                hangA.countDown();
                schedulerA.close();
            }
        }
    }

    private static CatalogScheduler everySecond(NodeUnderTest node, Duration shutdownTimeout) {
        return CatalogScheduler.builder(node)
                .onlyTasks(List.of(TASK))
                .schedule(TASK, Schedule.every(Duration.ofSeconds(1)))
                .lease(Duration.ofSeconds(1))
                .catchUpMissedRuns(false)
                .shutdownTimeout(shutdownTimeout)
                .build();
    }

    private static void awaitUntil(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached within " + limit);
            }
            Thread.sleep(20);
        }
    }
}
