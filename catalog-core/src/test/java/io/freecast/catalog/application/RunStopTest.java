package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.out.FeedItem;
import io.freecast.catalog.port.out.FeedReader;
import io.freecast.catalog.port.out.FeedUnreadableException;
import io.freecast.catalog.testing.Drafts;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import io.freecast.catalog.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping runs for a shutdown (TaskAdministration.stopRuns), on the in-memory store: a stopped import rolls
 * back and is recorded as interrupted with the reason; a run that does not stop is recorded so by the stopper.
 */
class RunStopTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final FeedLocation MOVIES = FeedLocation.parse("movies.json");
    private static final String REASON = "the server was stopped and the run had not ended within the 3 s grace";
    private static final int BEFORE_STALL = 1_200;

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryCatalogStore store = InMemoryCatalogStore.create(clock);
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void letHangingWorkEnd() {
        release.countDown();
    }

    private Catalog catalog(FeedReader feed) {
        return Catalog.builder().storage(store).clock(clock).nodeName("here").feedReader(feed).moviesFeed(MOVIES)
                .build();
    }

    @Test
    void anImportStoppedWhileItsFeedStallsRollsBackAndIsRecordedAsInterruptedWithTheReason() throws Exception {
        Catalog catalog = catalog(stallingFeed(true));
        CompletableFuture<TaskReport> run = catalog.tasks().startNow(TaskName.IMPORT_MOVIES);
        assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(catalog.tasks().stopRuns(REASON, Duration.ofSeconds(10))).isTrue();

        TaskReport report = run.get(10, TimeUnit.SECONDS);
        assertThat(report.status()).isEqualTo(TaskStatus.INTERRUPTED);
        assertThat(report.error()).isEqualTo(REASON);
        assertThat(report.notes()).anyMatch(note -> note.startsWith("nothing was imported"));
        TaskRun recorded = onlyRun();
        assertThat(recorded.status()).isEqualTo(TaskStatus.INTERRUPTED);
        assertThat(recorded.error()).isEqualTo(REASON);
        assertThat(recorded.counts()).containsEntry("read", (long) BEFORE_STALL);
        assertThat(catalog.queries().listMovies(ListQuery.firstPage()).items()).as("rolled back").isEmpty();
        assertThat(catalog.tasks().awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void anImportWhoseFeedIgnoresTheInterruptStopsBetweenTwoItems() throws Exception {
        Catalog catalog = catalog(stallingFeed(false));
        CompletableFuture<TaskReport> run = catalog.tasks().startNow(TaskName.IMPORT_MOVIES);
        assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(catalog.tasks().stopRuns(REASON, Duration.ofSeconds(10))).isTrue();

        assertThat(run.get(10, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.INTERRUPTED);
        assertThat(onlyRun().error()).isEqualTo(REASON);
        assertThat(catalog.queries().listMovies(ListQuery.firstPage()).items()).isEmpty();
    }

    @Test
    void aRunThatDoesNotStopWithinTheWaitIsRecordedAsInterruptedByTheStopper() throws Exception {
        TaskRecorder recorder = new TaskRecorder(store.taskRuns(), clock, "here");
        CountDownLatch working = new CountDownLatch(1);
        CompletableFuture<TaskReport> hanging = CompletableFuture.supplyAsync(() -> recorder.record(
                TaskName.VALIDATE_SOURCES, () -> {
                    working.countDown();
                    awaitIgnoringInterrupts(release);
                    throw new IllegalStateException("the database was closed under it");
                }));
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(recorder.stopAll(REASON, Duration.ofMillis(200))).isFalse();

        TaskRun recorded = latest(TaskName.VALIDATE_SOURCES);
        assertThat(recorded.status()).isEqualTo(TaskStatus.INTERRUPTED);
        assertThat(recorded.error()).isEqualTo(REASON + "; it had not stopped 0 s later");
        release.countDown();
        assertThat(hanging.get(10, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.INTERRUPTED);
        assertThat(latest(TaskName.VALIDATE_SOURCES).error()).as("its late failure does not replace the record")
                .isEqualTo(recorded.error());
    }

    @Test
    void aRunThatSucceedsAfterTheStopperRecordedItIsRecordedAsSucceeded() throws Exception {
        TaskRecorder recorder = new TaskRecorder(store.taskRuns(), clock, "here");
        CountDownLatch working = new CountDownLatch(1);
        CompletableFuture<TaskReport> hanging = CompletableFuture.supplyAsync(() -> recorder.record(
                TaskName.VALIDATE_SOURCES, () -> {
                    working.countDown();
                    awaitIgnoringInterrupts(release);
                    return TaskReport.succeeded(TaskName.VALIDATE_SOURCES, T0, clock.instant(), Map.of("checked", 3L),
                            List.of(), List.of());
                }));
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.stopAll(REASON, Duration.ofMillis(200))).isFalse();

        release.countDown();

        assertThat(hanging.get(10, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(latest(TaskName.VALIDATE_SOURCES).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(latest(TaskName.VALIDATE_SOURCES).counts()).containsEntry("checked", 3L);
    }

    @Test
    void stoppingWhenNothingRunsReturnsAtOnce() throws Exception {
        Catalog catalog = catalog(stallingFeed(true));

        assertThat(catalog.tasks().stopRuns(REASON, Duration.ofHours(1))).isTrue();
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                if (latch.await(30, TimeUnit.SECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                // this work does not answer interrupts: the stopper must not wait for it forever
            }
        }
    }

    private TaskRun latest(TaskName task) {
        return store.taskRuns().listRuns(task, PageRequest.first(5)).items().getFirst();
    }

    private TaskRun onlyRun() {
        List<TaskRun> runs = store.taskRuns().listRuns(TaskName.IMPORT_MOVIES, PageRequest.first(5)).items();
        assertThat(runs).hasSize(1);
        return runs.getFirst();
    }

    /**
     * A movies feed that sends {@value #BEFORE_STALL} items (two batches are written) and then waits for the
     * test; an interrupt either ends the read as a broken stream does ({@code interruptible}) or is ignored
     * and the feed goes on with more items.
     */
    private FeedReader stallingFeed(boolean interruptible) {
        return new FeedReader() {
            @Override
            public void readShows(FeedLocation location, Consumer<FeedItem<ShowDraft>> sink) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void readMovies(FeedLocation location, Consumer<FeedItem<MovieDraft>> sink) {
                for (int i = 0; i < BEFORE_STALL; i++) {
                    sink.accept(new FeedItem.Accepted<>(i, "m" + i, Drafts.movie("m" + i, "Movie " + i)));
                }
                stalled.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    if (interruptible) {
                        throw new FeedUnreadableException("the feed's connection was closed");
                    }
                }
                for (int i = BEFORE_STALL; i < 2 * BEFORE_STALL; i++) {
                    sink.accept(new FeedItem.Accepted<>(i, "m" + i, Drafts.movie("m" + i, "Movie " + i)));
                }
            }
        };
    }
}
