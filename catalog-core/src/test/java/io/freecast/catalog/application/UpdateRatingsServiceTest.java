package io.freecast.catalog.application;

import static io.freecast.catalog.testing.Drafts.movie;
import static io.freecast.catalog.testing.Drafts.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.in.UpdateRatingsUseCase.UpdateRatingsCommand;
import io.freecast.catalog.port.out.RatingProvider;
import io.freecast.catalog.port.out.RatingProviderUnavailableException;
import io.freecast.catalog.port.out.RatingRepository;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.CheckedAt;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import io.freecast.catalog.port.out.StorageUnavailableException;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import io.freecast.catalog.testing.InMemoryRatingProvider;
import io.freecast.catalog.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The update-ratings rules through the catalog, on the in-memory store and provider. */
class UpdateRatingsServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryCatalogStore store = InMemoryCatalogStore.create(clock);
    private final InMemoryRatingProvider provider = new InMemoryRatingProvider()
            .knows("Copper Valley", new RatingPair(Rating.of(7.0), Rating.of(7.3)))
            .knows("Night Shift", new RatingPair(Rating.of(8.2), null))
            .knows("Rated Film", new RatingPair(null, Rating.of(8.1)));

    @BeforeEach
    void seed() {
        store.ports().shows().upsertAll(List.of(show("s1", "Night Shift", List.of())), List.of());
        store.ports().movies().upsertAll(List.of(movie("m1", "Copper Valley"),
                movie("m2", "Rated Film", 6.6, null, List.of()), movie("m3", "Nobody Knows This Film")));
    }

    private Catalog catalog(InMemoryRatingProvider ratings) {
        return Catalog.builder().storage(store).ratingProvider(ratings).clock(clock).nodeName("test").build();
    }

    private TaskReport run(Duration staleAfter) {
        return catalog(provider).updateRatings(new UpdateRatingsCommand(staleAfter));
    }

    private Map<String, RatingTarget> titles() {
        Map<String, RatingTarget> byTitle = new LinkedHashMap<>();
        store.ports().ratings().listDue(clock.instant().plusSeconds(3600), null, 100)
                .forEach(t -> byTitle.put(t.title(), t));
        return byTitle;
    }

    @Test
    void ratesWhatTheProviderKnowsKeepsWhatItDoesNotSayAndLeavesUnknownUnknown() {
        TaskReport report = run(Duration.ofHours(24));

        assertThat(report.succeeded()).as(report.error()).isTrue();
        assertThat(report.counts()).containsExactly(Map.entry("checked", 4L), Map.entry("updated", 3L),
                Map.entry("unchanged", 0L), Map.entry("not_found", 1L), Map.entry("skipped", 0L),
                Map.entry("written", 4L), Map.entry("left", 0L));
        Map<String, RatingTarget> titles = titles();
        assertThat(titles.get("Copper Valley").current()).isEqualTo(new RatingPair(Rating.of(7.0), Rating.of(7.3)));
        assertThat(titles.get("Night Shift").kind()).isEqualTo(TitleKind.SHOW);
        assertThat(titles.get("Night Shift").current()).isEqualTo(new RatingPair(Rating.of(8.2), null));
        assertThat(titles.get("Rated Film").current()).isEqualTo(new RatingPair(Rating.of(6.6), Rating.of(8.1)));
        assertThat(titles.get("Nobody Knows This Film").current()).isEqualTo(RatingPair.UNKNOWN);
        assertThat(titles.values()).allSatisfy(t -> assertThat(t.checked()).isEqualTo(CheckedAt.both(T0)));
        assertThat(report.notes()).first()
                .isEqualTo("ratings from provider 'in-memory', the source of imdb_rating and kinopoisk_rating");
    }

    @Test
    void showsAreAskedAboutBeforeMoviesEachInIdOrder() {
        run(Duration.ZERO);

        assertThat(provider.asked()).extracting(RatingTarget::title)
                .containsExactly("Night Shift", "Copper Valley", "Rated Film", "Nobody Knows This Film");
    }

    @Test
    void titlesRatedWithinTheStalenessLimitAreSkippedAndNotAskedAgain() {
        run(Duration.ofHours(24));
        int asked = provider.asked().size();
        clock.advance(Duration.ofHours(1));

        TaskReport again = run(Duration.ofHours(24));
        assertThat(again.counts()).containsEntry("checked", 0L).containsEntry("skipped", 4L);
        assertThat(again.notes()).contains("4 titles were rated within the last PT24H and were skipped");
        assertThat(provider.asked()).hasSize(asked);

        clock.advance(Duration.ofHours(24));
        TaskReport stale = run(Duration.ofHours(24));
        assertThat(stale.counts()).containsEntry("checked", 4L).containsEntry("unchanged", 3L)
                .containsEntry("not_found", 1L).containsEntry("skipped", 0L);
    }

    @Test
    void aPlaceholderProviderSaysItsRatingsAreNotReal() {
        TaskReport report = catalog(new InMemoryRatingProvider("random", true))
                .updateRatings(new UpdateRatingsCommand(Duration.ZERO));

        assertThat(report.notes()).anySatisfy(note -> assertThat(note).startsWith("ratings are placeholders"));
    }

    @Test
    void aProviderThatFailsHalfWayKeepsWhatItAnsweredAndTheNextRunAsksOnlyTheRest() {
        int total = bulk(BULK) + SEEDED;
        InMemoryRatingProvider failing = knowingBulk(new InMemoryRatingProvider()).unavailableAfter(1_100, "quota exhausted");

        TaskReport report = catalog(failing).updateRatings(new UpdateRatingsCommand(Duration.ofHours(24)));

        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        String expected = "in-memory is unavailable: quota exhausted; the ratings of 1100 titles written by this run "
                + "are kept; " + (total - 1_100) + " due titles are left for the next run";
        assertThat(report.error()).isEqualTo(expected);
        assertThat(report.counts()).containsEntry("checked", 1_100L).containsEntry("written", 1_100L)
                .containsEntry("left", total - 1_100L);
        assertThat(store.taskRuns().findLatest(TaskName.UPDATE_RATINGS)).hasValueSatisfying(runRecord -> {
            assertThat(runRecord.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(runRecord.error()).isEqualTo(expected);
            assertThat(runRecord.counts()).containsEntry("written", 1_100L).containsEntry("left", total - 1_100L);
        });
        assertThat(unwritten()).isEqualTo(total - 1_100);

        clock.advance(Duration.ofMinutes(5));
        InMemoryRatingProvider working = knowingBulk(new InMemoryRatingProvider());
        TaskReport next = catalog(working).updateRatings(new UpdateRatingsCommand(Duration.ofHours(24)));

        assertThat(next.succeeded()).as(next.error()).isTrue();
        assertThat(next.counts()).containsEntry("checked", total - 1_100L).containsEntry("skipped", 1_100L)
                .containsEntry("written", total - 1_100L).containsEntry("left", 0L);
        assertThat(keys(working.asked())).as("only the titles the failed run did not write")
                .doesNotContainAnyElementsOf(keys(failing.asked())).hasSize(total - 1_100);
        assertThat(unwritten()).isZero();
    }

    @Test
    void aBatchTheStorageRefusesForNowIsWrittenAgainAndTheRunGoesOnToTheEnd() {
        int total = bulk(BULK) + SEEDED;
        // The second batch meets an import holding one of its titles' rows, twice.
        RecordingRatings ratings = new RecordingRatings(store.ports().ratings()).busyAtBatch(2, 2);
        List<Duration> paused = new CopyOnWriteArrayList<>();
        BatchRetry batches = new BatchRetry(clock, duration -> {
            paused.add(duration);
            clock.advance(duration);
        });

        TaskReport report = new UpdateRatingsService(TaskName.UPDATE_RATINGS, ratings, store.ports().transactions(),
                knowingBulk(new InMemoryRatingProvider()), clock, batches)
                .updateRatings(new UpdateRatingsCommand(Duration.ofHours(24)));

        assertThat(report.succeeded()).as(report.error()).isTrue();
        assertThat(report.counts()).containsEntry("written", (long) total);
        assertThat(paused).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(unwritten()).isZero();
    }

    @Test
    void aStorageFailureKeepsTheBatchesWrittenBeforeItAndTheNextRunAsksTheRestAgainIncludingTheLostBatch() {
        int total = bulk(BULK) + SEEDED;
        RecordingRatings ratings = new RecordingRatings(store.ports().ratings()).failingAtBatch(2);
        InMemoryRatingProvider first = knowingBulk(new InMemoryRatingProvider());

        TaskReport report = service(ratings, first).updateRatings(new UpdateRatingsCommand(Duration.ofHours(24)));

        int batch = UpdateRatingsService.WRITE_BATCH_SIZE;
        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.error()).isEqualTo("disk I/O error; the ratings of " + batch + " titles written by this run "
                + "are kept; " + (total - batch) + " due titles are left for the next run");
        assertThat(report.counts()).containsEntry("checked", 2L * batch).containsEntry("written", (long) batch)
                .containsEntry("left", (long) total - batch);
        assertThat(report.notes()).contains(batch + " answers received since the last write were not written; "
                + "those titles are asked again next run");
        assertThat(unwritten()).isEqualTo(total - batch);

        InMemoryRatingProvider second = knowingBulk(new InMemoryRatingProvider());
        TaskReport next = service(store.ports().ratings(), second).updateRatings(new UpdateRatingsCommand(Duration.ofHours(24)));

        assertThat(next.succeeded()).as(next.error()).isTrue();
        List<String> writtenFirst = keys(first.asked()).subList(0, batch);
        List<String> askedButLost = keys(first.asked()).subList(batch, 2 * batch);
        assertThat(keys(second.asked())).hasSize(total - batch).doesNotContainAnyElementsOf(writtenFirst)
                .containsAll(askedButLost);
        assertThat(unwritten()).isZero();
    }

    @Test
    void answersAreWrittenEveryFewSecondsOfAskingEvenWhenABatchIsFarFromFull() {
        // Each answer takes a second (a slow or rate-limited API): a batch of 500 would take 8 minutes to fill.
        RecordingRatings ratings = new RecordingRatings(store.ports().ratings());
        AskingHook slow = new AskingHook(provider, () -> clock.advance(Duration.ofSeconds(1)));
        long commitsBefore = store.commits();

        TaskReport report = new UpdateRatingsService(TaskName.UPDATE_RATINGS, ratings, store.ports().transactions(),
                slow, clock).updateRatings(new UpdateRatingsCommand(Duration.ZERO));

        assertThat(UpdateRatingsService.WRITE_EVERY).isEqualTo(Duration.ofSeconds(3));
        assertThat(report.counts()).containsEntry("written", 4L);
        assertThat(ratings.batchSizes).as("written 3 s after the last write, and the rest at the end")
                .containsExactly(3, 1);
        assertThat(store.commits() - commitsBefore).as("each batch its own transaction").isEqualTo(2);
        Map<String, RatingTarget> titles = titles();
        assertThat(titles.get("Night Shift").checked()).isEqualTo(CheckedAt.both(T0.plusSeconds(3)));
        assertThat(titles.get("Rated Film").checked()).isEqualTo(CheckedAt.both(T0.plusSeconds(3)));
        assertThat(titles.get("Nobody Knows This Film").checked()).isEqualTo(CheckedAt.both(T0.plusSeconds(4)));
    }

    @Test
    void aStoppedRunKeepsItsWrittenBatchesIsRecordedInterruptedAndTheNextRunAsksTheRest() throws Exception {
        int total = bulk(BULK) + SEEDED;
        int batch = UpdateRatingsService.WRITE_BATCH_SIZE;
        int stallAt = batch + 200;
        CountDownLatch stalled = new CountDownLatch(1);
        InMemoryRatingProvider first = knowingBulk(new InMemoryRatingProvider());
        AtomicInteger questions = new AtomicInteger();
        AskingHook stalling = new AskingHook(first, () -> {
            if (questions.incrementAndGet() == stallAt) {
                stalled.countDown();
                try {
                    new CountDownLatch(1).await(); // an API that never answers, until the stop interrupts it
                } catch (InterruptedException e) {
                    throw new RatingProviderUnavailableException("in-memory: the request was interrupted");
                }
            }
        });
        Catalog catalog = Catalog.builder().storage(store).ratingProvider(stalling).clock(clock).nodeName("test").build();
        CompletableFuture<TaskReport> run = catalog.tasks().startNow(TaskName.UPDATE_RATINGS);
        assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(catalog.tasks().stopRuns("the server is stopping", Duration.ofSeconds(10))).isTrue();

        TaskReport report = run.get(10, TimeUnit.SECONDS);
        assertThat(report.status()).isEqualTo(TaskStatus.INTERRUPTED);
        assertThat(report.error()).isEqualTo("the server is stopping");
        assertThat(report.counts()).containsEntry("written", (long) batch).containsEntry("left", (long) total - batch);
        assertThat(report.notes()).contains("stopped: the ratings of " + batch + " titles written by this run are kept; "
                + (total - batch) + " due titles are left for the next run");
        assertThat(store.taskRuns().findLatest(TaskName.UPDATE_RATINGS)).hasValueSatisfying(runRecord -> {
            assertThat(runRecord.status()).isEqualTo(TaskStatus.INTERRUPTED);
            assertThat(runRecord.counts()).containsEntry("written", (long) batch);
        });
        assertThat(unwritten()).isEqualTo(total - batch);

        InMemoryRatingProvider second = knowingBulk(new InMemoryRatingProvider());
        assertThat(catalog(second).updateRatings(new UpdateRatingsCommand(Duration.ofHours(24))).succeeded()).isTrue();
        List<String> askedFirst = keys(first.asked());
        assertThat(keys(second.asked())).hasSize(total - batch)
                .doesNotContainAnyElementsOf(askedFirst.subList(0, batch))
                .as("asked but not written before the stop: asked again").containsAll(askedFirst.subList(batch, stallAt - 1));
        assertThat(unwritten()).isZero();
    }

    @Test
    void manyTitlesAreWalkedPageByPageAndWrittenBatchByBatchNeverHoldingMoreThanABatch() {
        int titles = UpdateRatingsService.PAGE_SIZE * 2 + 7;
        store.ports().movies().upsertAll(IntStream.range(0, titles).mapToObj(i -> movie("bulk" + i, "Bulk " + i)).toList());
        InMemoryRatingProvider everything = new InMemoryRatingProvider();
        IntStream.range(0, titles).forEach(i -> everything.knows("Bulk " + i, new RatingPair(Rating.of(5.0), null)));
        RecordingRatings ratings = new RecordingRatings(store.ports().ratings());
        AtomicInteger asked = new AtomicInteger();
        AtomicLong mostUnwritten = new AtomicLong();
        AskingHook watching = new AskingHook(everything, () -> mostUnwritten.accumulateAndGet(
                asked.getAndIncrement() - ratings.written(), Math::max));
        long commitsBefore = store.commits();
        List<Long> progress = new ArrayList<>();

        TaskReport report = new UpdateRatingsService(TaskName.UPDATE_RATINGS, ratings, store.ports().transactions(),
                watching, clock).updateRatings(new UpdateRatingsCommand(Duration.ZERO, progress::add));

        assertThat(report.counts()).containsEntry("checked", titles + 4L).containsEntry("updated", (long) titles)
                .containsEntry("written", titles + 4L).containsEntry("left", 0L);
        assertThat(everything.asked()).extracting(t -> t.kind() + ":" + t.id()).doesNotHaveDuplicates().hasSize(titles + 4);
        // The 500th answer fills the batch, which is written before the next question: 499 wait at most.
        assertThat(mostUnwritten.get()).as("answers held unwritten while asking")
                .isEqualTo(UpdateRatingsService.WRITE_BATCH_SIZE - 1);
        assertThat(ratings.batchSizes).containsExactly(500, 500, 11);
        assertThat(store.commits() - commitsBefore).as("each batch commits on its own").isEqualTo(3);
        assertThat(progress).isSorted().last().isEqualTo(titles + 4L);
        assertThat(titles()).allSatisfy((title, target) -> assertThat(target.checked()).isEqualTo(CheckedAt.both(T0)));
    }

    private static final int BULK = 1_230;
    private static final int SEEDED = 4;

    /** Adds {@code count} movies named "Bulk i"; answers how many. */
    private int bulk(int count) {
        store.ports().movies().upsertAll(IntStream.range(0, count).mapToObj(i -> movie("bulk" + i, "Bulk " + i)).toList());
        return count;
    }

    private static InMemoryRatingProvider knowingBulk(InMemoryRatingProvider provider) {
        IntStream.range(0, BULK).forEach(i -> provider.knows("Bulk " + i, new RatingPair(Rating.of(5.0 + i % 4), null)));
        return provider;
    }

    private UpdateRatingsService service(RatingRepository ratings, RatingProvider ratingProvider) {
        return new UpdateRatingsService(TaskName.UPDATE_RATINGS, ratings, store.ports().transactions(), ratingProvider,
                clock);
    }

    /** Titles no run has written yet (never checked). */
    private long unwritten() {
        return store.ports().ratings().countDue(RatingField.all(), Instant.EPOCH);
    }

    private static List<String> keys(List<RatingTarget> titles) {
        return titles.stream().map(t -> t.kind() + ":" + t.id()).toList();
    }

    /** The store's ratings, recording the size of every batch written; it may fail one batch, as a full disk does. */
    private static final class RecordingRatings implements RatingRepository {
        private final RatingRepository real;
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        private volatile int failingBatch = -1;
        private volatile int busyBatch = -1;
        private volatile int refusalsLeft;

        RecordingRatings(RatingRepository real) {
            this.real = real;
        }

        RecordingRatings failingAtBatch(int batch) {
            failingBatch = batch;
            return this;
        }

        /** The batch numbered {@code batch} is refused for now {@code times} times, as behind an import's lock. */
        RecordingRatings busyAtBatch(int batch, int times) {
            busyBatch = batch;
            refusalsLeft = times;
            return this;
        }

        long written() {
            return batchSizes.stream().mapToLong(Integer::longValue).sum();
        }

        @Override
        public List<RatingTarget> listDue(Set<RatingField> fields, Instant checkedBefore, RatingTarget after, int limit) {
            return real.listDue(fields, checkedBefore, after, limit);
        }

        @Override
        public long countDue(Set<RatingField> fields, Instant checkedBefore) {
            return real.countDue(fields, checkedBefore);
        }

        @Override
        public void saveAll(List<RatingUpdate> updates) {
            if (batchSizes.size() + 1 == busyBatch && refusalsLeft > 0) {
                refusalsLeft--;
                throw new StorageUnavailableException("the database is busy (another transaction, such as an import, "
                        + "holds what this statement needs); try again in 10 s", Duration.ofSeconds(10), null);
            }
            if (batchSizes.size() + 1 == failingBatch) {
                failingBatch = -1;
                throw new IllegalStateException("disk I/O error");
            }
            real.saveAll(updates);
            batchSizes.add(updates.size());
        }
    }

    /** A provider that runs {@code before} ahead of every question it passes on: time passing, a stall. */
    private record AskingHook(RatingProvider real, Runnable before) implements RatingProvider {
        @Override
        public String name() {
            return real.name();
        }

        @Override
        public Set<RatingField> fills() {
            return real.fills();
        }

        @Override
        public Optional<RatingPair> findRatings(RatingTarget title) {
            before.run();
            return real.findRatings(title);
        }
    }
}
