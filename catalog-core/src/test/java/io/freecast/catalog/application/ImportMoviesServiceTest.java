package io.freecast.catalog.application;

import static io.freecast.catalog.testing.Drafts.movie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.Rejection;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.in.ImportMoviesUseCase;
import io.freecast.catalog.port.in.ImportMoviesUseCase.ImportMoviesCommand;
import io.freecast.catalog.port.out.FeedItem;
import io.freecast.catalog.port.out.MovieRepository;
import io.freecast.catalog.port.out.Transactions;
import io.freecast.catalog.testing.InMemoryCatalogStore;
import io.freecast.catalog.testing.InMemoryFeedReader;
import io.freecast.catalog.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The import-movies rules on the in-memory store: identity, tolerance, duplicates, all-or-nothing. */
class ImportMoviesServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final FeedLocation FEED = FeedLocation.parse("movies.json");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryCatalogStore store = InMemoryCatalogStore.create(clock);
    private final InMemoryFeedReader feeds = new InMemoryFeedReader();
    private final ImportMoviesUseCase importMovies = UseCases.importMovies(store.ports().movies(),
            store.ports().tombstones(), store.ports().transactions(), feeds, clock);

    private TaskReport importFeed(List<FeedItem<MovieDraft>> items) {
        feeds.movies(FEED, items);
        return importMovies.importMovies(new ImportMoviesCommand(FEED));
    }

    private List<Movie> movies() {
        return store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, null, PageRequest.first(500))).items()
                .stream().map(MovieTree::movie).toList();
    }

    @Test
    void anItemIsIdentifiedByItsIdThenItsSlugThenItsTitle() {
        MovieDraft byId = new MovieDraft(FeedKey.of("501", "copper", "Copper Valley"), "501", "copper",
                "Copper Valley", null, null, null, null, null, null, List.of());
        MovieDraft bySlug = new MovieDraft(FeedKey.of(null, "Night-Train", "Night Train"), null, "Night-Train",
                "Night Train", null, null, null, null, null, null, List.of());
        MovieDraft byTitle = new MovieDraft(FeedKey.of(null, null, "Amélie "), null, null, "Amélie ", null, null,
                null, null, null, null, List.of());
        importFeed(InMemoryFeedReader.movieItems(List.of(byId, bySlug, byTitle)));

        clock.advance(Duration.ofHours(1));
        // The same three, as a later feed writes them: a new title under the same id, the slug in other case,
        // the title without its accent and with other spacing. Each updates its own row.
        MovieDraft renamed = new MovieDraft(FeedKey.of("501", "other-slug", "Copper Valley (Director's Cut)"), "501",
                "other-slug", "Copper Valley (Director's Cut)", null, null, null, null, null, null, List.of());
        MovieDraft sameSlug = new MovieDraft(FeedKey.of(null, "night-train", "The Night Train"), null, "night-train",
                "The Night Train", null, null, null, null, null, null, List.of());
        MovieDraft sameTitle = new MovieDraft(FeedKey.of(null, null, "amelie"), null, null, "amelie", "now described",
                null, null, null, null, null, List.of());
        TaskReport report = importFeed(InMemoryFeedReader.movieItems(List.of(renamed, sameSlug, sameTitle)));

        assertThat(report.counts()).containsEntry("created", 0L).containsEntry("updated", 3L);
        assertThat(movies()).extracting(Movie::title)
                .containsExactly("Copper Valley (Director's Cut)", "The Night Train", "amelie");
        assertThat(movies()).allSatisfy(m -> {
            assertThat(m.createdAt()).isEqualTo(T0);
            assertThat(m.updatedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        });
    }

    @Test
    void twoFilmsWithOneTitleButDifferentIdsStayTwo() {
        TaskReport report = importFeed(InMemoryFeedReader.movieItems(List.of(movie("1", "Solaris"), movie("2", "Solaris"))));

        assertThat(report.counts()).containsEntry("created", 2L).containsEntry("duplicates", 0L);
        assertThat(movies()).hasSize(2);
    }

    @Test
    void rejectedItemsAreCountedAndListedWithTheirReasonAndTheRestIsImported() {
        List<FeedItem<MovieDraft>> items = List.of(
                InMemoryFeedReader.accepted(0, movie("1", "One")),
                new FeedItem.Rejected<>(1, "2", "title is missing"),
                new FeedItem.Accepted<>(2, "3", movie("3", "Three"), List.of("source 2: javascript: URL dropped")),
                new FeedItem.Rejected<>(3, null, "not an object"));

        TaskReport report = importFeed(items);

        assertThat(report.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(report.counts()).containsEntry("read", 4L).containsEntry("created", 2L)
                .containsEntry("rejected", 2L).containsEntry("warnings", 1L);
        assertThat(report.rejections()).containsExactly(new Rejection(1, "2", "title is missing"),
                new Rejection(3, null, "not an object"));
        assertThat(report.notes()).containsExactly("item 2 (id 3): source 2: javascript: URL dropped");
        assertThat(movies()).extracting(Movie::title).containsExactly("One", "Three");
    }

    @Test
    void theFirstOfSeveralItemsWithOneIdentityWinsAndTheOthersAreRejectedNamingIt() {
        TaskReport report = importFeed(InMemoryFeedReader.movieItems(List.of(movie("7", "First"), movie("8", "Other"),
                movie("7", "Second"), movie("7", "Third"))));

        assertThat(report.counts()).containsEntry("created", 2L).containsEntry("duplicates", 2L)
                .containsEntry("rejected", 2L);
        assertThat(report.rejections()).extracting(Rejection::index).containsExactly(2L, 3L);
        assertThat(report.rejections()).allSatisfy(r ->
                assertThat(r.reason()).startsWith("duplicate of item 0 (both are id:7)"));
        assertThat(movies()).extracting(Movie::title).containsExactly("First", "Other");
    }

    @Test
    void aReimportCountsWhatChangedAndWhatDidNot() {
        importFeed(InMemoryFeedReader.movieItems(List.of(movie("1", "One"), movie("2", "Two"))));
        Object before = store.contents();

        TaskReport same = importFeed(InMemoryFeedReader.movieItems(List.of(movie("1", "One"), movie("2", "Two"))));
        assertThat(same.counts()).containsEntry("unchanged", 2L).containsEntry("updated", 0L).containsEntry("created", 0L);
        assertThat(store.contents()).isEqualTo(before);

        TaskReport changed = importFeed(InMemoryFeedReader.movieItems(List.of(movie("1", "One, renamed"),
                movie("2", "Two"), movie("3", "Three"))));
        assertThat(changed.counts()).containsEntry("created", 1L).containsEntry("updated", 1L)
                .containsEntry("unchanged", 1L);
    }

    @Test
    void aFeedCutOffAfterSeveralBatchesImportsNothingAndSaysWhy() {
        importFeed(InMemoryFeedReader.movieItems(List.of(movie("kept", "Kept"))));
        Object before = store.contents();
        List<MovieDraft> drafts = IntStream.range(0, FeedImport.BATCH_SIZE * 2 + 10)
                .mapToObj(i -> movie("m" + i, "Movie " + i)).toList();
        feeds.movies(FEED, InMemoryFeedReader.movieItems(drafts)).cutOffAfter(FEED, FeedImport.BATCH_SIZE * 2 + 5,
                "connection reset");

        TaskReport report = importMovies.importMovies(new ImportMoviesCommand(FEED));

        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.error()).contains("cut off").contains("connection reset");
        assertThat(report.count("read")).isEqualTo(FeedImport.BATCH_SIZE * 2 + 5);
        assertThat(report.notes()).containsExactly("nothing was imported: the catalog is as it was before this run");
        assertThat(store.contents()).isEqualTo(before);
    }

    @Test
    void aStorageFailureHalfWayRollsEverythingBackAndIsLeftToTheRecorder() {
        Object before = store.contents();
        MovieRepository failingOnSecondBatch = new MovieRepository() {
            private int calls;

            @Override
            public List<io.freecast.catalog.port.out.UpsertOutcome> upsertAll(List<MovieDraft> movies,
                    io.freecast.catalog.port.out.UpsertTally tally) {
                if (++calls == 2) {
                    throw new IllegalStateException("disk full");
                }
                return store.ports().movies().upsertAll(movies, tally);
            }
        };
        ImportMoviesUseCase failing = UseCases.importMovies(failingOnSecondBatch, store.ports().tombstones(),
                store.ports().transactions(), feeds, clock);
        feeds.movies(FEED, InMemoryFeedReader.movieItems(IntStream.range(0, FeedImport.BATCH_SIZE + 1)
                .mapToObj(i -> movie("m" + i, "Movie " + i)).toList()));

        assertThatThrownBy(() -> failing.importMovies(new ImportMoviesCommand(FEED))).hasMessage("disk full");
        assertThat(store.contents()).isEqualTo(before);
    }

    /**
     * A storage that, once a bulk write has committed, says what it did about it (PostgreSQL's store: which tables
     * it analysed) — here, how many movies a reader outside the transaction sees by then.
     */
    private final class UpkeepAfterCommit implements Transactions {

        private int bulkWrites;

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return store.ports().transactions().inTransaction(work);
        }

        @Override
        public <T> T inBulkTransaction(Supplier<T> work, Consumer<String> upkeep) {
            bulkWrites++;
            T result = inTransaction(work);
            upkeep.accept("storage upkeep after " + movies().size() + " movies were committed");
            return result;
        }
    }

    @Test
    void theImportIsOneBulkWriteAndWhatTheStorageDidAfterItsCommitEndsTheReportsNotes() {
        UpkeepAfterCommit transactions = new UpkeepAfterCommit();
        ImportMoviesUseCase withUpkeep = UseCases.importMovies(store.ports().movies(), store.ports().tombstones(),
                transactions, feeds, clock);
        feeds.movies(FEED, List.of(InMemoryFeedReader.accepted(0, movie("1", "One")),
                InMemoryFeedReader.accepted(1, movie("2", "Two")),
                new FeedItem.Rejected<MovieDraft>(2, "3", "no usable title")));

        TaskReport report = withUpkeep.importMovies(new ImportMoviesCommand(FEED));

        assertThat(transactions.bulkWrites).isEqualTo(1);
        assertThat(report.succeeded()).isTrue();
        assertThat(report.count("rejected")).isEqualTo(1);
        assertThat(report.notes()).containsExactly("storage upkeep after 2 movies were committed");
    }

    @Test
    void anImportThatRollsBackReportsNoStorageUpkeep() {
        UpkeepAfterCommit transactions = new UpkeepAfterCommit();
        ImportMoviesUseCase withUpkeep = UseCases.importMovies(store.ports().movies(), store.ports().tombstones(),
                transactions, feeds, clock);
        feeds.movies(FEED, InMemoryFeedReader.movieItems(IntStream.range(0, FeedImport.BATCH_SIZE + 10)
                .mapToObj(i -> movie("m" + i, "Movie " + i)).toList())).cutOffAfter(FEED, FeedImport.BATCH_SIZE + 5,
                "connection reset");

        TaskReport report = withUpkeep.importMovies(new ImportMoviesCommand(FEED));

        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.notes()).containsExactly("nothing was imported: the catalog is as it was before this run");
    }

    @Test
    void progressIsToldEveryBatchAndAtTheEnd() {
        List<Long> told = new ArrayList<>();
        feeds.movies(FEED, InMemoryFeedReader.movieItems(IntStream.range(0, FeedImport.BATCH_SIZE * 2 + 3)
                .mapToObj(i -> movie("m" + i, "Movie " + i)).toList()));

        importMovies.importMovies(new ImportMoviesCommand(FEED, told::add));

        assertThat(told).containsExactly((long) FeedImport.BATCH_SIZE, 2L * FeedImport.BATCH_SIZE,
                2L * FeedImport.BATCH_SIZE + 3);
    }

    @Test
    void aRatingTheFeedDoesNotKnowNeverErasesOneFoundBefore() {
        importFeed(InMemoryFeedReader.movieItems(List.of(movie("1", "Rated", 7.5, null, List.of()))));
        TaskReport report = importFeed(InMemoryFeedReader.movieItems(List.of(movie("1", "Rated", null, null, List.of()))));

        assertThat(report.counts()).containsEntry("unchanged", 1L);
        assertThat(movies().getFirst().imdbRating()).isEqualTo(Rating.of(7.5));
    }

    @Test
    void sourcesFollowTheFeed() {
        importFeed(InMemoryFeedReader.movieItems(List.of(movie("1", "M", null, null, List.of(
                SourceDraft.of("https://cdn.example/a.mp4", "A"), SourceDraft.of("https://cdn.example/b.mp4", "B"))))));
        TaskReport report = importFeed(InMemoryFeedReader.movieItems(List.of(movie("1", "M", null, null, List.of(
                SourceDraft.of("https://cdn.example/b.mp4", "B"), SourceDraft.of("https://cdn.example/c.m3u8", "C"))))));

        assertThat(report.counts()).isEqualTo(Map.of("read", 1L, "created", 0L, "updated", 1L, "unchanged", 0L,
                "rejected", 0L, "duplicates", 0L, "warnings", 0L, "locked", 0L, "suppressed", 0L));
        assertThat(store.ports().queries().listMovies(ListQuery.firstPage()).items().getFirst().sources())
                .extracting(s -> s.url()).containsExactly("https://cdn.example/b.mp4", "https://cdn.example/c.m3u8");
    }
}
