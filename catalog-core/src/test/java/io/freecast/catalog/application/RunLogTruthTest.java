package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.out.FeedItem;
import io.freecast.catalog.port.out.FeedReader;
import io.freecast.catalog.testing.Drafts;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import io.freecast.catalog.testing.InMemoryLinkChecker;
import io.freecast.catalog.testing.MutableClock;
import io.freecast.catalog.testing.UnreachableStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The run log tells the truth when its database goes away: on the in-memory store behind
 * {@link UnreachableStorage}, which a test cuts off and brings back. Two catalogs on one store are two
 * nodes sharing a database; only the first is behind the cut, as a node that lost its network would be.
 */
class RunLogTruthTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final FeedLocation MOVIES = FeedLocation.parse("movies.json");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int FEED_SIZE = 1_200;

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryCatalogStore database = InMemoryCatalogStore.create(clock);
    private final UnreachableStorage reach = new UnreachableStorage(database);
    /** Set by a test: the feed item at which the database goes away (the first batch is written before). */
    private volatile int cutAtItem = -1;
    private final Catalog here = catalog(reach, "here");

    private Catalog catalog(io.freecast.catalog.CatalogStore store, String node) {
        return Catalog.builder().storage(store).clock(clock).nodeName(node).feedReader(feed())
                .moviesFeed(MOVIES).linkChecker(new InMemoryLinkChecker()).build();
    }

    @AfterEach
    void restore() {
        reach.restore();
    }

    @Test
    void aRunWhoseDatabaseVanishesMidWayIsRecordedWithItsRealErrorOnceTheDatabaseIsBack() {
        cutAtItem = 700;

        TaskReport report = here.tasks().runNow(TaskName.IMPORT_MOVIES);

        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.error()).isEqualTo(UnreachableStorage.MESSAGE);
        assertThat(only(TaskName.IMPORT_MOVIES).status()).as("what the database holds while it is away")
                .isEqualTo(TaskStatus.RUNNING);

        reach.restore();
        clock.advance(Duration.ofSeconds(1));
        here.tasks().runNow(TaskName.VALIDATE_SOURCES);   // any run writes what waits first

        TaskRun run = only(TaskName.IMPORT_MOVIES);
        assertThat(run.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(run.error()).isEqualTo(UnreachableStorage.MESSAGE);
        assertThat(run.startedAt()).isEqualTo(T0);
        assertThat(run.finishedAt()).isEqualTo(report.finishedAt());
        assertThat(here.queries().listMovies(ListQuery.firstPage()).items()).as("rolled back").isEmpty();
    }

    @Test
    void theNextRunOfTheTaskWritesTheRealEndInsteadOfClosingTheRunAsAbandoned() {
        cutAtItem = 700;
        here.tasks().runNow(TaskName.IMPORT_MOVIES);
        reach.restore();
        cutAtItem = -1;
        clock.advance(LEASE.plusSeconds(1));

        assertThat(here.tasks().runNow(TaskName.IMPORT_MOVIES).succeeded()).isTrue();

        List<TaskRun> runs = runs(TaskName.IMPORT_MOVIES);
        assertThat(runs).extracting(TaskRun::status).containsExactly(TaskStatus.SUCCEEDED, TaskStatus.FAILED);
        assertThat(runs.getLast().error()).isEqualTo(UnreachableStorage.MESSAGE);
    }

    @Test
    void aRealEndWrittenLateReplacesTheAbandonedLabelAnotherNodeGaveTheRun() {
        Catalog there = catalog(database, "there");
        cutAtItem = 700;
        here.tasks().runNow(TaskName.IMPORT_MOVIES);
        cutAtItem = -1;
        clock.advance(LEASE.plusSeconds(1));
        assertThat(there.tasks().runNow(TaskName.IMPORT_MOVIES).succeeded()).isTrue();
        assertThat(runs(TaskName.IMPORT_MOVIES).getLast().error()).as("all the other node could know")
                .startsWith("abandoned:");

        reach.restore();
        clock.advance(Duration.ofSeconds(1));
        here.tasks().runNow(TaskName.VALIDATE_SOURCES);

        TaskRun first = runs(TaskName.IMPORT_MOVIES).getLast();
        assertThat(first.node()).isEqualTo("here");
        assertThat(first.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(first.error()).isEqualTo(UnreachableStorage.MESSAGE);
    }

    @Test
    void aScheduledSlotThatFindsTheDatabaseAwayLeavesAFailedRunOnceItIsBack() {
        reach.cut();

        TaskReport report = here.tasks().runSlot(TaskName.IMPORT_MOVIES, T0, LEASE).orElseThrow();

        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.error()).isEqualTo("could not start: " + UnreachableStorage.MESSAGE);
        assertThat(runs(TaskName.IMPORT_MOVIES)).as("nothing could be written yet").isEmpty();

        reach.restore();
        clock.advance(Duration.ofSeconds(1));
        here.tasks().runNow(TaskName.VALIDATE_SOURCES);

        TaskRun run = only(TaskName.IMPORT_MOVIES);
        assertThat(run.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(run.error()).isEqualTo("could not start: " + UnreachableStorage.MESSAGE);
        assertThat(run.node()).isEqualTo("here");
        assertThat(run.startedAt()).isEqualTo(T0);
        assertThat(run.finishedAt()).isEqualTo(T0);
    }

    @Test
    void aRunAskedForWhileTheDatabaseIsAwayIsRefusedAndStillRecorded() {
        reach.cut();

        assertThatThrownBy(() -> here.tasks().startNow(TaskName.IMPORT_MOVIES))
                .isInstanceOf(UnreachableStorage.DatabaseUnreachableException.class);

        reach.restore();
        clock.advance(Duration.ofSeconds(1));
        here.tasks().runNow(TaskName.VALIDATE_SOURCES);
        assertThat(only(TaskName.IMPORT_MOVIES).error()).isEqualTo("could not start: " + UnreachableStorage.MESSAGE);
        assertThat(here.tasks().getTask(TaskName.IMPORT_MOVIES).running()).isFalse();
    }

    @Test
    void aRunWhoseStartCannotBeRecordedDoesNotStartAndIsRecordedOnceTheLogIsBack() {
        TaskRecorder recorder = new TaskRecorder(reach.ports().taskRuns(), clock, "here");
        reach.cut();
        boolean[] worked = {false};

        TaskReport report = recorder.record(TaskName.UPDATE_RATINGS, () -> {
            worked[0] = true;
            return TaskReport.succeeded(TaskName.UPDATE_RATINGS, T0, T0, Map.of(), List.of(), List.of());
        });

        assertThat(worked[0]).isFalse();
        assertThat(report.error()).isEqualTo("could not start: " + UnreachableStorage.MESSAGE);
        assertThat(recorder.writePending()).as("still away").isEqualTo(1);
        reach.restore();
        assertThat(recorder.writePending()).isZero();
        assertThat(only(TaskName.UPDATE_RATINGS).error()).isEqualTo("could not start: " + UnreachableStorage.MESSAGE);
        recorder.close();
    }

    @Test
    void theOutcomesThatWaitAreWrittenInTheBackgroundOnceTheDatabaseIsBack() throws InterruptedException {
        cutAtItem = 700;
        here.tasks().runNow(TaskName.IMPORT_MOVIES);

        reach.restore();   // and nothing else happens on this node

        for (int i = 0; i < 200 && only(TaskName.IMPORT_MOVIES).status() == TaskStatus.RUNNING; i++) {
            Thread.sleep(100);
        }
        assertThat(only(TaskName.IMPORT_MOVIES).error()).isEqualTo(UnreachableStorage.MESSAGE);
    }

    @Test
    void theOutcomesThatWaitAreBoundedAndTheOldestIsDroppedFirst() {
        PendingRunRecords pending = new PendingRunRecords();
        for (long id = 1; id <= PendingRunRecords.CAPACITY + 5; id++) {
            pending.add(id, TaskReport.failed(TaskName.UPDATE_RATINGS, T0, T0, "run " + id));
        }

        assertThat(pending.size()).isEqualTo(PendingRunRecords.CAPACITY);
        assertThat(pending.startedRunIds()).doesNotContain(1L, 5L).contains(6L, PendingRunRecords.CAPACITY + 5L);
    }

    private TaskRun only(TaskName task) {
        List<TaskRun> runs = runs(task);
        assertThat(runs).hasSize(1);
        return runs.getFirst();
    }

    private List<TaskRun> runs(TaskName task) {
        return database.taskRuns().listRuns(task, PageRequest.first(50)).items();
    }

    /** A movies feed of {@value #FEED_SIZE} items that cuts the database off at {@link #cutAtItem}. */
    private FeedReader feed() {
        return new FeedReader() {
            @Override
            public void readShows(FeedLocation location, Consumer<FeedItem<io.freecast.catalog.domain.ShowDraft>> sink) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void readMovies(FeedLocation location, Consumer<FeedItem<MovieDraft>> sink) {
                for (int i = 0; i < FEED_SIZE; i++) {
                    if (i == cutAtItem) {
                        reach.cut();
                    }
                    sink.accept(new FeedItem.Accepted<>(i, "m" + i, Drafts.movie("m" + i, "Movie " + i)));
                }
            }
        };
    }
}
