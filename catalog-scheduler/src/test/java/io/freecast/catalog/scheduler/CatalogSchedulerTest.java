package io.freecast.catalog.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.testing.InMemoryTaskLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduling logic with a manual clock: the test moves time, waits until the scheduler has settled
 * into its next sleep, and looks at which slots ran. No assertion depends on how fast the machine is.
 */
class CatalogSchedulerTest {

    private static final TaskName TASK = TaskName.UPDATE_RATINGS;
    private static final Instant START = Instant.parse("2026-11-24T10:00:05Z");

    private final ManualTimeSource time = new ManualTimeSource(START);
    private CatalogScheduler scheduler;

    @AfterEach
    void stopScheduler() {
        if (scheduler != null) {
            scheduler.stop(Duration.ofSeconds(5));
        }
    }

    private CatalogScheduler schedule(RecordingTasks tasks, Schedule schedule) {
        return CatalogScheduler.builder(tasks).onlyTasks(List.of(TASK)).schedule(TASK, schedule).timeSource(time)
                .build();
    }

    private static Instant at(String hhmmss) {
        return Instant.parse("2026-11-24T" + hhmmss + "Z");
    }

    @Test
    void runsEveryIntervalSlotOnTime() throws Exception {
        RecordingTasks tasks = new RecordingTasks(time);
        scheduler = schedule(tasks, Schedule.every(Duration.ofSeconds(10)));
        scheduler.start();
        time.awaitSleepers(1);
        assertThat(scheduler.nextRun(TASK)).contains(at("10:00:10"));

        time.advanceTo(at("10:00:10"));
        time.awaitSleepers(1);
        time.advanceTo(at("10:00:20"));
        time.awaitSleepers(1);
        time.advanceTo(at("10:00:30"));
        time.awaitSleepers(1);

        assertThat(tasks.slots()).containsExactly(at("10:00:10"), at("10:00:20"), at("10:00:30"));
        assertThat(tasks.runs()).allSatisfy(run -> assertThat(run.start()).isEqualTo(run.slot()));
        assertThat(scheduler.nextRun(TASK)).contains(at("10:00:40"));
    }

    @Test
    void runsOnCronSlots() throws Exception {
        RecordingTasks tasks = new RecordingTasks(time);
        scheduler = schedule(tasks, Schedule.cron("*/5 * * * *"));
        scheduler.start();
        time.awaitSleepers(1);
        assertThat(scheduler.nextRun(TASK)).contains(at("10:05:00"));

        time.advanceTo(at("10:05:00"));
        time.awaitSleepers(1);
        time.advanceTo(at("10:10:00"));
        time.awaitSleepers(1);

        assertThat(tasks.slots()).containsExactly(at("10:05:00"), at("10:10:00"));
        assertThat(scheduler.describe(TASK)).isEqualTo("*/5 * * * *");
    }

    @Test
    void aSlowRunNeverOverlapsItselfAndTheSlotsItSpansAreSkipped() throws Exception {
        RecordingTasks tasks = new RecordingTasks(time).blocking();
        scheduler = schedule(tasks, Schedule.every(Duration.ofSeconds(10)));
        scheduler.start();
        time.awaitSleepers(1);

        time.advanceTo(at("10:00:10"));
        tasks.awaitStarted();
        time.advanceTo(at("10:00:35")); // the 10:00:20 and 10:00:30 slots pass while the run goes on
        assertThat(scheduler.isRunning(TASK)).isTrue();
        tasks.release();
        time.awaitSleepers(1);

        assertThat(scheduler.nextRun(TASK)).contains(at("10:00:40"));
        time.advanceTo(at("10:00:40"));
        tasks.awaitStarted();
        tasks.release();
        time.awaitSleepers(1);

        assertThat(tasks.slots()).containsExactly(at("10:00:10"), at("10:00:40"));
        assertThat(tasks.maxConcurrent.get()).isEqualTo(1);
    }

    @Test
    void aFailedRunIsReportedAndTheScheduleGoesOn() throws Exception {
        RecordingTasks tasks = new RecordingTasks(time).outcome(run -> run != 1);
        scheduler = schedule(tasks, Schedule.every(Duration.ofSeconds(10)));
        scheduler.start();
        time.awaitSleepers(1);

        time.advanceTo(at("10:00:10"));
        time.awaitSleepers(1);
        time.advanceTo(at("10:00:20"));
        time.awaitSleepers(1);

        assertThat(tasks.runs()).extracting(RecordingTasks.Run::succeeded).containsExactly(false, true);
        assertThat(tasks.slots()).containsExactly(at("10:00:10"), at("10:00:20"));
    }

    @Test
    void aFailedRunIsRetriedWithBackoffBeforeItsNextSlot() throws Exception {
        RecordingTasks tasks = new RecordingTasks(time).outcome(run -> run >= 3);
        scheduler = CatalogScheduler.builder(tasks).onlyTasks(List.of(TASK))
                .schedule(TASK, Schedule.every(Duration.ofMinutes(1)))
                .retry(RetryPolicy.exponential(5, Duration.ofSeconds(2))).timeSource(time).build();
        scheduler.start();
        time.awaitSleepers(1);

        time.advanceTo(at("10:01:00"));
        time.awaitSleepers(1);
        assertThat(scheduler.nextRun(TASK)).contains(at("10:01:02"));
        time.advanceTo(at("10:01:02"));
        time.awaitSleepers(1);
        assertThat(scheduler.nextRun(TASK)).contains(at("10:01:06")); // 4 s after the second failure
        time.advanceTo(at("10:01:06"));
        time.awaitSleepers(1);

        assertThat(tasks.runs()).extracting(RecordingTasks.Run::succeeded).containsExactly(false, false, true);
        assertThat(tasks.slots()).containsExactly(at("10:01:00"), at("10:01:02"), at("10:01:06"));
        assertThat(scheduler.nextRun(TASK)).contains(at("10:02:00"));
    }

    @Test
    void noRetryIsMadeWhenTheNextSlotComesFirst() throws Exception {
        RecordingTasks tasks = new RecordingTasks(time).outcome(run -> false);
        scheduler = CatalogScheduler.builder(tasks).onlyTasks(List.of(TASK))
                .schedule(TASK, Schedule.every(Duration.ofSeconds(10)))
                .retry(RetryPolicy.exponential(3, Duration.ofSeconds(30))).timeSource(time).build();
        scheduler.start();
        time.awaitSleepers(1);

        time.advanceTo(at("10:00:10"));
        time.awaitSleepers(1);

        assertThat(scheduler.nextRun(TASK)).contains(at("10:00:20"));
        assertThat(tasks.slots()).containsExactly(at("10:00:10"));
    }

    @Test
    void aStartupRunHappensAtOnceAndThenTheRegularSlots() throws Exception {
        RecordingTasks tasks = new RecordingTasks(time);
        scheduler = schedule(tasks, Schedule.every(Duration.ofHours(24)).atStartup());
        scheduler.start();
        time.awaitSleepers(1);

        assertThat(tasks.slots()).containsExactly(START);
        assertThat(scheduler.nextRun(TASK)).contains(Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void aStartupRunCanWaitForItsDelay() throws Exception {
        RecordingTasks tasks = new RecordingTasks(time);
        scheduler = schedule(tasks, Schedule.off().atStartup(Duration.ofSeconds(30)));
        scheduler.start();
        time.awaitSleepers(1);
        assertThat(tasks.slots()).isEmpty();
        assertThat(scheduler.nextRun(TASK)).contains(START.plusSeconds(30));

        time.advanceTo(START.plusSeconds(30));
        awaitUntil(() -> !tasks.slots().isEmpty());

        assertThat(tasks.slots()).containsExactly(START.plusSeconds(30));
        awaitUntil(() -> scheduler.nextRun(TASK).isEmpty()); // nothing is left to run
    }

    @Test
    void missedSlotsAfterDowntimeAreCaughtUpByExactlyOneRun() throws Exception {
        // Last ran two days ago; since then 15 slots of 3 hours passed while the node was down.
        RecordingTasks tasks = new RecordingTasks(time).previousRun(START.minus(Duration.ofDays(2)));
        scheduler = schedule(tasks, Schedule.every(Duration.ofHours(3)));
        scheduler.start();
        time.awaitSleepers(1);

        assertThat(tasks.slots()).containsExactly(at("09:00:00"));
        assertThat(scheduler.nextRun(TASK)).contains(at("12:00:00"));
    }

    @Test
    void noCatchUpWhenTheLastSlotRanOrTheTaskNeverRanOrCatchUpIsOff() throws Exception {
        RecordingTasks ranRecently = new RecordingTasks(time).previousRun(at("09:00:01"));
        scheduler = schedule(ranRecently, Schedule.every(Duration.ofHours(3)));
        scheduler.start();
        time.awaitSleepers(1);
        scheduler.stop(Duration.ofSeconds(5));
        assertThat(ranRecently.slots()).isEmpty();

        RecordingTasks neverRan = new RecordingTasks(time);
        scheduler = schedule(neverRan, Schedule.every(Duration.ofHours(3)));
        scheduler.start();
        time.awaitSleepers(1);
        scheduler.stop(Duration.ofSeconds(5));
        assertThat(neverRan.slots()).isEmpty();

        RecordingTasks catchUpOff = new RecordingTasks(time).previousRun(START.minus(Duration.ofDays(2)));
        scheduler = CatalogScheduler.builder(catchUpOff).onlyTasks(List.of(TASK))
                .schedule(TASK, Schedule.every(Duration.ofHours(3))).catchUpMissedRuns(false).timeSource(time)
                .build();
        scheduler.start();
        time.awaitSleepers(1);
        assertThat(catchUpOff.slots()).isEmpty();
    }

    @Test
    void aNodeWakingLongAfterItsSlotRunsItOnceAndContinuesWithTheNextFutureSlot() throws Exception {
        RecordingTasks tasks = new RecordingTasks(time);
        scheduler = schedule(tasks, Schedule.every(Duration.ofSeconds(10)));
        scheduler.start();
        time.awaitSleepers(1);

        time.advanceTo(at("10:05:03")); // the process was paused for five minutes
        time.awaitSleepers(1);

        assertThat(tasks.slots()).containsExactly(at("10:00:10"));
        assertThat(scheduler.nextRun(TASK)).contains(at("10:05:10"));
    }

    @Test
    void shutdownLetsARunningTaskFinish() throws Exception {
        RecordingTasks tasks = new RecordingTasks(time).blocking();
        scheduler = schedule(tasks, Schedule.every(Duration.ofSeconds(10)));
        scheduler.start();
        time.awaitSleepers(1);
        time.advanceTo(at("10:00:10"));
        tasks.awaitStarted();

        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> scheduler.stop(Duration.ofSeconds(30)));
        awaitUntil(() -> scheduler.nextRun(TASK).isEmpty()); // stopping: nothing more is planned
        assertThat(stopped).isNotDone();
        assertThat(tasks.runs()).isEmpty(); // the run is still going, so stop() is still waiting
        tasks.release();

        assertThat(stopped.get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(tasks.runs()).singleElement().satisfies(run -> assertThat(run.succeeded()).isTrue());
        time.advanceTo(at("10:00:20"));
        assertThat(tasks.slots()).containsExactly(at("10:00:10")); // and nothing runs after the stop
    }

    @Test
    void shutdownGivesUpOnARunThatOutlastsTheTimeout() throws Exception {
        RecordingTasks tasks = new RecordingTasks(time).blocking();
        scheduler = schedule(tasks, Schedule.every(Duration.ofSeconds(10)));
        scheduler.start();
        time.awaitSleepers(1);
        time.advanceTo(at("10:00:10"));
        tasks.awaitStarted();

        assertThat(scheduler.stop(Duration.ofMillis(50))).isFalse();
        tasks.release();
    }

    @Test
    void anIdleSchedulerStopsAtOnce() throws Exception {
        RecordingTasks tasks = new RecordingTasks(time);
        scheduler = CatalogScheduler.builder(tasks).timeSource(time).build(); // the reference schedule
        scheduler.start();
        time.awaitSleepers(TaskName.values().length);

        assertThat(scheduler.stop(Duration.ofSeconds(20))).isTrue();
        assertThat(time.sleepers()).isEmpty();
    }

    @Test
    void twoNodesSharingLeasesRunEachSlotOnceAndNeverAtOnce() throws Exception {
        InMemoryTaskLeases leases = new InMemoryTaskLeases();
        ConcurrentLinkedQueue<RecordingTasks.Run> runs = new ConcurrentLinkedQueue<>();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        RecordingTasks nodeA = new RecordingTasks("a", time, leases, runs, concurrent, max);
        RecordingTasks nodeB = new RecordingTasks("b", time, leases, runs, concurrent, max);
        scheduler = schedule(nodeA, Schedule.every(Duration.ofSeconds(10)));
        CatalogScheduler other = schedule(nodeB, Schedule.every(Duration.ofSeconds(10)));
        try {
            scheduler.start();
            other.start();
            time.awaitSleepers(2);
            for (int slot = 1; slot <= 5; slot++) {
                time.advance(Duration.ofSeconds(10));
                time.awaitSleepers(2);
            }
        } finally {
            other.stop(Duration.ofSeconds(5));
        }

        assertThat(runs).extracting(RecordingTasks.Run::slot).containsExactlyInAnyOrder(
                at("10:00:10"), at("10:00:20"), at("10:00:30"), at("10:00:40"), at("10:00:50"))
                .doesNotHaveDuplicates();
        assertThat(max.get()).isEqualTo(1);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > limit) {
                throw new AssertionError("condition not reached");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void theReferenceScheduleIsTheDefault() {
        assertThat(CatalogScheduler.referenceSchedules()).containsExactly(
                java.util.Map.entry(TaskName.IMPORT_SHOWS, Schedule.parse("startup+24h")),
                java.util.Map.entry(TaskName.IMPORT_MOVIES, Schedule.parse("startup+24h")),
                java.util.Map.entry(TaskName.UPDATE_RATINGS, Schedule.parse("3m")),
                java.util.Map.entry(TaskName.VALIDATE_SOURCES, Schedule.parse("0 */6 * * *")),
                java.util.Map.entry(TaskName.UPDATE_IMDB_RATINGS, Schedule.parse("3m")),
                java.util.Map.entry(TaskName.UPDATE_KINOPOISK_RATINGS, Schedule.parse("3m")));
        RecordingTasks tasks = new RecordingTasks(time);
        assertThat(CatalogScheduler.builder(tasks).build().schedules())
                .isEqualTo(CatalogScheduler.referenceSchedules());
    }
}
