package io.freecast.catalog.jdbc.overview;

import static io.freecast.catalog.testing.Drafts.movie;
import static io.freecast.catalog.testing.Drafts.seasons;
import static io.freecast.catalog.testing.Drafts.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.DeadLink;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Rejection;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TitleFilter;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.testing.Drafts;
import io.freecast.catalog.testing.PageWalks;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's read side on a real database: counts, filters, dead links with their owners, a run's
 * report — and each answered in a fixed number of statements whatever the catalog's size.
 */
abstract class CatalogOverviewContract {

    /** When the tests' link checks and ratings answered. */
    private static final Instant CHECKED_AT = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;
    private TestDatabase database;
    private JdbcCatalogStore store;
    private final AtomicInteger statements = new AtomicInteger();
    private long runId;

    protected abstract TestDatabase newDatabase(Path dir);

    private void open(int movies, int shows) {
        database = newDatabase(dir);
        store = database.open(b -> b.onStatement(sql -> statements.incrementAndGet()));
        List<MovieDraft> drafts = new ArrayList<>(IntStream.range(0, movies)
                .mapToObj(i -> i % 3 == 0 ? movie("m" + i, "Movie " + i) : movie("m" + i, "Movie " + i, 7.0, null,
                        List.of(io.freecast.catalog.domain.SourceDraft.of("https://cdn.example/m" + i + ".mp4", "P"))))
                .toList());
        store.ports().movies().upsertAll(drafts);
        store.ports().shows().upsertAll(IntStream.range(0, shows).mapToObj(i -> show("s" + i, "Show " + i, seasons("s" + i, 2, 2)))
                .toList(), Drafts.placeholders());
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    /** A link check's answer that turns the source off. */
    private static SourceCheck notFound(Source source) {
        return new SourceCheck(source.id(), false, new LinkState(CHECKED_AT, 404, 0, "404 Not Found"));
    }

    /** Every 4th source turned off (404), every 7th failing but still on. */
    private void checkLinks() {
        List<SourceCheck> checks = new ArrayList<>();
        for (Source source : store.ports().sources().listAfter(0, 10_000)) {
            if (source.id() % 4 == 0) {
                checks.add(notFound(source));
            } else if (source.id() % 7 == 0) {
                checks.add(new SourceCheck(source.id(), true, new LinkState(CHECKED_AT, 503, 2, "503")));
            }
        }
        store.ports().sources().saveChecks(checks);
    }

    @Test
    void countsTheCatalog() {
        open(9, 2);
        checkLinks();
        var counts = store.overview().counts();
        long sources = store.ports().sources().listAfter(0, 10_000).size();
        assertThat(counts.movies()).isEqualTo(9);
        assertThat(counts.shows()).isEqualTo(2);
        assertThat(counts.seasons()).isEqualTo(4);
        assertThat(counts.episodes()).isEqualTo(8);
        assertThat(counts.sources()).isEqualTo(sources);
        assertThat(counts.inactiveSources()).isEqualTo(sources / 4);
    }

    @Test
    void filtersKeepOnlyMatchingTitles() {
        open(12, 6);
        checkLinks();
        ListQuery all = new ListQuery(Sort.BY_ID, null, PageRequest.first(100));
        Page<Movie> unrated = store.overview().listMovies(all, EnumSet.of(TitleFilter.RATING_UNKNOWN));
        assertThat(unrated.items()).extracting(Movie::title).containsExactly("Movie 0", "Movie 3", "Movie 6", "Movie 9");
        assertThat(unrated.total()).isEqualTo(4);
        Set<Long> withInactive = new java.util.HashSet<>();
        for (Source source : store.ports().sources().listAfter(0, 10_000)) {
            if (source.id() % 4 == 0 && source.owner() instanceof io.freecast.catalog.domain.SourceOwner.OfMovie m) {
                withInactive.add(m.id());
            }
        }
        Page<Movie> inactive = store.overview().listMovies(all, EnumSet.of(TitleFilter.INACTIVE_SOURCES));
        assertThat(inactive.items()).extracting(Movie::id).containsExactlyInAnyOrderElementsOf(withInactive);
        Page<Movie> both = store.overview().listMovies(new ListQuery(new Sort(SortField.TITLE, true), "movie", PageRequest.first(100)),
                EnumSet.allOf(TitleFilter.class));
        assertThat(both.items()).allMatch(m -> m.imdbRating() == null && withInactive.contains(m.id()));
        assertThat(store.overview().listShows(all, EnumSet.of(TitleFilter.INACTIVE_SOURCES)).total()).isPositive();
        assertThat(store.overview().listShows(all, EnumSet.of(TitleFilter.RATING_UNKNOWN)).total()).isEqualTo(6);
    }

    /**
     * Each filter, two and all three together list the same titles, in the same order forwards and backwards and with
     * the same total, whether few titles can match (SQLite then reads the filter's own index first: fewer than 5,000
     * entries) or many (each title is asked): "has inactive sources" with few then many of them; "rating unknown"
     * with 5,000 movies without an IMDb rating (many), then 4,400 of which 400 have a Kinopoisk rating (few), and
     * 1,400 unrated shows (few); "locked fields" on 50 movies (some unrated) and 10 shows. Movies and shows, in the
     * id's order, the title's and a nullable rating's, against the unfiltered list filtered here.
     */
    @Test
    void filtersListTheSameTitlesWhetherFewOrManyCanMatch() {
        open(15_000, 1_400);   // 15,000 movie sources, 5,600 episode sources
        lockTitlesByHand(300, 140);
        switchOff(source -> source.id() % 47 == 0);
        assertFilteredListsMatchUnfilteredOnes(50, 500);
        switchOff(source -> source.id() % 20 != 0);
        assertFilteredListsMatchUnfilteredOnes(5_000, 15_000);
        // 600 unrated movies get an IMDb rating and 400 a Kinopoisk one alone: 4,400 without an IMDb rating (few,
        // read from that rating's index), of which 400 are not unrated.
        rateUnratedMovies(600, 400);
        assertFilteredListsMatchUnfilteredOnes(5_000, 15_000);
    }

    /** Renames every {@code everyNthMovie}-th movie and {@code everyNthShow}-th show by hand, which locks its title. */
    private void lockTitlesByHand(int everyNthMovie, int everyNthShow) {
        io.freecast.catalog.Catalog catalog = io.freecast.catalog.Catalog.builder().storage(store).build();
        io.freecast.catalog.domain.Caller editor = new io.freecast.catalog.domain.Caller(
                io.freecast.catalog.domain.Actor.account(1, "eddie", io.freecast.catalog.domain.Channel.WEB),
                io.freecast.catalog.domain.Scope.EDIT);
        List<Movie> movies = allMovies(Sort.BY_ID, Set.of());
        for (int i = 0; i < movies.size(); i += everyNthMovie) {
            catalog.editing().changeMovie(editor, movies.get(i).id(), io.freecast.catalog.domain.Versioned.any(),
                    io.freecast.catalog.port.in.MovieFields.NONE.withTitle(io.freecast.catalog.port.in.FieldEdit.set("By hand " + i)));
        }
        List<io.freecast.catalog.domain.Show> shows = allShows(Sort.BY_ID, Set.of());
        for (int i = 0; i < shows.size(); i += everyNthShow) {
            catalog.editing().changeShow(editor, shows.get(i).id(), io.freecast.catalog.domain.Versioned.any(),
                    io.freecast.catalog.port.in.ShowFields.NONE.withTitle(io.freecast.catalog.port.in.FieldEdit.set("Show by hand " + i)));
        }
    }

    private void rateUnratedMovies(int byImdb, int byKinopoisk) {
        List<Long> unrated = allMovies(Sort.BY_ID, EnumSet.of(TitleFilter.RATING_UNKNOWN)).stream().map(Movie::id).toList();
        List<io.freecast.catalog.port.out.RatingRepository.RatingUpdate> updates = new ArrayList<>();
        for (int i = 0; i < byImdb + byKinopoisk; i++) {
            boolean imdb = i < byImdb;
            var answer = new io.freecast.catalog.port.out.RatingTarget.RatingPair(
                    imdb ? io.freecast.catalog.domain.Rating.ofNullable(8.0) : null,
                    imdb ? null : io.freecast.catalog.domain.Rating.ofNullable(6.0));
            updates.add(new io.freecast.catalog.port.out.RatingRepository.RatingUpdate(
                    io.freecast.catalog.port.out.RatingTarget.TitleKind.MOVIE, unrated.get(i), answer,
                    Set.of(imdb ? io.freecast.catalog.domain.RatingField.IMDB : io.freecast.catalog.domain.RatingField.KINOPOISK), CHECKED_AT));
        }
        store.ports().ratings().saveAll(updates);
    }

    /** Turns off the sources the rule picks (a 404). */
    private void switchOff(java.util.function.Predicate<Source> rule) {
        store.ports().sources().saveChecks(store.ports().sources().listAfter(0, 100_000).stream().filter(rule)
                .map(CatalogOverviewContract::notFound).toList());
    }

    private void assertFilteredListsMatchUnfilteredOnes(int atLeastOffPerKind, int atMostOffPerKind) {
        List<Source> off = store.ports().sources().listAfter(0, 100_000).stream().filter(source -> !source.active()).toList();
        Set<Long> moviesOff = new java.util.HashSet<>();
        Set<String> showsOff = new java.util.HashSet<>();
        for (Source source : off) {
            if (source.owner() instanceof io.freecast.catalog.domain.SourceOwner.OfMovie movie) {
                moviesOff.add(movie.id());
            } else {
                showsOff.add(source.url().split("/")[4]);   // https://cdn.example/shows/{show}/s1e1.m3u8
            }
        }
        long movieSourcesOff = off.stream().filter(source -> source.owner() instanceof io.freecast.catalog.domain.SourceOwner.OfMovie).count();
        assertThat(movieSourcesOff).isBetween((long) atLeastOffPerKind, (long) atMostOffPerKind);
        assertThat(off.size() - movieSourcesOff).isBetween((long) atLeastOffPerKind, (long) atMostOffPerKind);
        java.util.function.Predicate<Movie> movieOff = movie -> moviesOff.contains(movie.id());
        java.util.function.Predicate<Movie> movieUnrated = movie -> movie.imdbRating() == null && movie.kinopoiskRating() == null;
        java.util.function.Predicate<Movie> movieLocked = movie -> !movie.lockedFields().isEmpty();
        Map<Set<TitleFilter>, java.util.function.Predicate<Movie>> movieFilters = Map.of(
                EnumSet.of(TitleFilter.INACTIVE_SOURCES), movieOff,
                EnumSet.of(TitleFilter.RATING_UNKNOWN), movieUnrated,
                EnumSet.of(TitleFilter.LOCKED_FIELDS), movieLocked,
                EnumSet.of(TitleFilter.INACTIVE_SOURCES, TitleFilter.RATING_UNKNOWN), movieOff.and(movieUnrated),
                EnumSet.allOf(TitleFilter.class), movieOff.and(movieUnrated).and(movieLocked));
        java.util.function.Predicate<io.freecast.catalog.domain.Show> showOff = show -> showsOff.contains(show.externalId());
        java.util.function.Predicate<io.freecast.catalog.domain.Show> showUnrated =
                show -> show.imdbRating() == null && show.kinopoiskRating() == null;
        java.util.function.Predicate<io.freecast.catalog.domain.Show> showLocked = show -> !show.lockedFields().isEmpty();
        Map<Set<TitleFilter>, java.util.function.Predicate<io.freecast.catalog.domain.Show>> showFilters = Map.of(
                EnumSet.of(TitleFilter.INACTIVE_SOURCES), showOff,
                EnumSet.of(TitleFilter.RATING_UNKNOWN), showUnrated,
                EnumSet.of(TitleFilter.LOCKED_FIELDS), showLocked,
                EnumSet.of(TitleFilter.INACTIVE_SOURCES, TitleFilter.RATING_UNKNOWN), showOff.and(showUnrated),
                EnumSet.allOf(TitleFilter.class), showOff.and(showUnrated).and(showLocked));
        for (Sort sort : List.of(Sort.BY_ID, new Sort(SortField.TITLE, true), new Sort(SortField.IMDB_RATING, true))) {
            List<Movie> movies = allMovies(sort, Set.of());
            movieFilters.forEach((filters, matches) -> assertListedAsFiltered(filters, sort, matches, movies,
                    request -> store.overview().listMovies(new ListQuery(sort, null, request), filters)));
            List<io.freecast.catalog.domain.Show> shows = allShows(sort, Set.of());
            showFilters.forEach((filters, matches) -> assertListedAsFiltered(filters, sort, matches, shows,
                    request -> store.overview().listShows(new ListQuery(sort, null, request), filters)));
        }
        assertThat(moviesOff).isNotEmpty();
        assertThat(showsOff).isNotEmpty();
        assertThat(allMovies(Sort.BY_ID, Set.of()))
                .as("movies matching all three filters").anyMatch(movieOff.and(movieUnrated).and(movieLocked));
    }

    private static <T> void assertListedAsFiltered(Set<TitleFilter> filters, Sort sort, java.util.function.Predicate<T> matches,
                                                   List<T> unfiltered, java.util.function.Function<PageRequest, Page<T>> list) {
        List<T> expected = unfiltered.stream().filter(matches).toList();
        assertThat(PageWalks.forward(PageRequest.MAX_LIMIT, list)).as("%s by %s", filters, sort.wireName()).isEqualTo(expected);
        assertThat(PageWalks.backward(PageRequest.MAX_LIMIT, list)).as("%s by %s, backwards", filters, sort.wireName()).isEqualTo(expected);
        assertThat(list.apply(PageRequest.first(10)).total()).as("total of %s", filters)
                .isEqualTo(expected.size() > ListQuery.SEARCH_COUNT_CAP ? Page.UNCOUNTED : expected.size());
    }

    /** Every movie of the list with these filters, in this order. */
    private List<Movie> allMovies(Sort sort, Set<TitleFilter> filters) {
        return PageWalks.forward(PageRequest.MAX_LIMIT, request -> store.overview().listMovies(new ListQuery(sort, null, request), filters));
    }

    /** Every show of the list with these filters, in this order. */
    private List<io.freecast.catalog.domain.Show> allShows(Sort sort, Set<TitleFilter> filters) {
        return PageWalks.forward(PageRequest.MAX_LIMIT, request -> store.overview().listShows(new ListQuery(sort, null, request), filters));
    }

    @Test
    void aFilteredListIsCountedUpToTheCapAndPagedToItsEndBeyondIt() throws java.sql.SQLException {
        open(3_003, 0);
        Set<TitleFilter> unrated = EnumSet.of(TitleFilter.RATING_UNKNOWN);
        Page<Movie> first = store.overview().listMovies(new ListQuery(Sort.BY_ID, null, PageRequest.first(100)), unrated);
        assertThat(first.counted()).as("1,001 movies without a rating: beyond the cap").isFalse();
        assertThat(first.total()).isEqualTo(Page.UNCOUNTED);
        List<Movie> walked = new ArrayList<>(first.items());
        for (Page<Movie> page = first; page.next() != null; ) {
            page = store.overview().listMovies(new ListQuery(Sort.BY_ID, null, new PageRequest(100, page.next())), unrated);
            assertThat(page.counted()).isFalse();
            walked.addAll(page.items());
        }
        assertThat(walked).as("every match, once").hasSize(ListQuery.SEARCH_COUNT_CAP + 1)
                .extracting(Movie::id).doesNotHaveDuplicates();

        try (var connection = database.connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE movie SET imdb_rating = 5.0 WHERE feed_key = 'id:m3000'");
        }
        Page<Movie> atTheCap = store.overview().listMovies(new ListQuery(Sort.BY_ID, null, PageRequest.first(10)), unrated);
        assertThat(atTheCap.total()).as("exactly the cap is counted").isEqualTo(ListQuery.SEARCH_COUNT_CAP);
        assertThat(store.overview().listMovies(new ListQuery(new Sort(SortField.TITLE, false), "movie 1",
                PageRequest.first(10)), unrated).total()).as("searched and filtered, below the cap")
                .isEqualTo(IntStream.range(0, 3_000).filter(i -> i % 3 == 0 && ("movie " + i).startsWith("movie 1")).count());
    }

    @Test
    void theLockedFieldsFilterKeepsTitlesChangedByHandAndPagesThemByCursor() {
        open(20, 2);
        io.freecast.catalog.Catalog catalog = io.freecast.catalog.Catalog.builder().storage(store).build();
        io.freecast.catalog.domain.Caller editor = new io.freecast.catalog.domain.Caller(
                io.freecast.catalog.domain.Actor.account(1, "eddie", io.freecast.catalog.domain.Channel.WEB),
                io.freecast.catalog.domain.Scope.EDIT);
        ListQuery all = new ListQuery(Sort.BY_ID, null, PageRequest.first(100));
        List<Long> ids = store.overview().listMovies(all, Set.of()).items().stream().map(Movie::id).toList();
        List<Long> locked = List.of(ids.get(2), ids.get(5), ids.get(11), ids.get(17));
        for (long id : locked) {
            catalog.editing().changeMovie(editor, id, io.freecast.catalog.domain.Versioned.any(),
                    io.freecast.catalog.port.in.MovieFields.NONE.withImdbRating(io.freecast.catalog.port.in.FieldEdit.set(9.5)));
        }
        // Locked, then unlocked again: nothing is locked any more, so it is not listed.
        catalog.editing().changeMovie(editor, ids.get(8), io.freecast.catalog.domain.Versioned.any(),
                io.freecast.catalog.port.in.MovieFields.NONE.withTitle(io.freecast.catalog.port.in.FieldEdit.set("Renamed")));
        catalog.editing().unlock(editor, io.freecast.catalog.domain.ItemRef.movie(ids.get(8)),
                io.freecast.catalog.domain.Versioned.any(), "title");
        long showId = store.overview().listShows(all, Set.of()).items().getFirst().id();
        catalog.editing().changeShow(editor, showId, io.freecast.catalog.domain.Versioned.any(),
                io.freecast.catalog.port.in.ShowFields.NONE.withTitle(io.freecast.catalog.port.in.FieldEdit.set("Show by hand")));

        Set<TitleFilter> filter = EnumSet.of(TitleFilter.LOCKED_FIELDS);
        Page<Movie> found = store.overview().listMovies(all, filter);
        assertThat(found.items()).extracting(Movie::id).containsExactlyElementsOf(locked);
        assertThat(found.items()).allMatch(m -> m.lockedFields().contains("imdb_rating"));
        assertThat(found.total()).isEqualTo(4);

        List<Long> walked = new ArrayList<>();
        ListQuery byTitle = new ListQuery(new Sort(SortField.TITLE, true), null, PageRequest.first(3));
        Page<Movie> page = store.overview().listMovies(byTitle, filter);
        walked.addAll(page.items().stream().map(Movie::id).toList());
        while (page.next() != null) {
            page = store.overview().listMovies(new ListQuery(byTitle.sort(), null, new PageRequest(3, page.next())), filter);
            walked.addAll(page.items().stream().map(Movie::id).toList());
            assertThat(page.total()).isEqualTo(4);
        }
        assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(locked);

        Page<io.freecast.catalog.domain.Show> shows = store.overview().listShows(all, filter);
        assertThat(shows.items()).extracting(io.freecast.catalog.domain.Show::id).containsExactly(showId);
        assertThat(store.overview().listMovies(all, EnumSet.of(TitleFilter.LOCKED_FIELDS, TitleFilter.RATING_UNKNOWN)).total())
                .isZero();
    }

    @Test
    void filteredPagesWalkTheWholeListOnceByCursor() {
        open(40, 0);
        ListQuery first = new ListQuery(new Sort(SortField.TITLE, false), null, PageRequest.first(3));
        Set<TitleFilter> filters = EnumSet.of(TitleFilter.RATING_UNKNOWN);
        List<Long> seen = new ArrayList<>();
        Page<Movie> page = store.overview().listMovies(first, filters);
        seen.addAll(page.items().stream().map(Movie::id).toList());
        while (page.next() != null) {
            page = store.overview().listMovies(new ListQuery(first.sort(), null, new PageRequest(3, page.next())), filters);
            seen.addAll(page.items().stream().map(Movie::id).toList());
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(14);
    }

    @Test
    void deadLinksNameTheirOwners() {
        open(8, 2);
        checkLinks();
        List<DeadLink> links = new ArrayList<>();
        Page<DeadLink> page = store.overview().listDeadLinks(PageRequest.first(2));
        links.addAll(page.items());
        while (page.next() != null) {
            page = store.overview().listDeadLinks(new PageRequest(2, page.next()));
            links.addAll(page.items());
        }
        assertThat(links).isNotEmpty().hasSize((int) page.total());
        assertThat(PageWalks.backward(2, store.overview()::listDeadLinks)).as("read from the last page back").isEqualTo(links);
        assertThat(links).allMatch(l -> !l.source().active() || l.source().check().consecutiveFailures() > 0);
        assertThat(links).extracting(l -> l.source().id()).isSorted().doesNotHaveDuplicates();
        DeadLink ofEpisode = links.stream().filter(l -> l.showId() != null).findFirst().orElseThrow();
        assertThat(ofEpisode.ownerTitle()).startsWith("Show ");
        assertThat(ofEpisode.seasonNumber()).isBetween(1, 2);
        DeadLink ofMovie = links.stream().filter(l -> l.showId() == null).findFirst().orElseThrow();
        assertThat(ofMovie.ownerTitle()).startsWith("Movie ");
    }

    @Test
    void deadLinksAreCountedUpToTheCapAndPagedToTheirEndBeyondIt() throws java.sql.SQLException {
        open(1_200, 0);
        long sources = store.overview().counts().sources();
        assertThat(sources).isGreaterThan(ListQuery.SEARCH_COUNT_CAP);
        try (var connection = database.connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE source SET is_active = false");
        }
        Page<DeadLink> first = store.overview().listDeadLinks(PageRequest.first(500));
        assertThat(first.counted()).as("%d dead links: beyond the cap", sources).isFalse();
        List<Long> ids = new ArrayList<>(first.items().stream().map(l -> l.source().id()).toList());
        for (Page<DeadLink> page = first; page.next() != null; ) {
            page = store.overview().listDeadLinks(new PageRequest(500, page.next()));
            assertThat(page.counted()).isFalse();
            ids.addAll(page.items().stream().map(l -> l.source().id()).toList());
        }
        assertThat(ids).hasSize((int) sources).doesNotHaveDuplicates().isSorted();
        assertThat(store.overview().counts().inactiveSources()).as("the exact number is the catalog's count")
                .isEqualTo(sources);

        try (var connection = database.connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE source SET is_active = true WHERE id IN (SELECT id FROM source ORDER BY id LIMIT "
                    + (sources - ListQuery.SEARCH_COUNT_CAP) + ")");
        }
        assertThat(store.overview().listDeadLinks(PageRequest.first(10)).total()).as("exactly the cap is counted")
                .isEqualTo(ListQuery.SEARCH_COUNT_CAP);
        // As many as the cap: few (SQLite reads them through the indexes and sorts them), listed the same way.
        List<DeadLink> capped = PageWalks.backward(300, store.overview()::listDeadLinks);
        assertThat(capped).extracting(l -> l.source().id()).hasSize(ListQuery.SEARCH_COUNT_CAP).doesNotHaveDuplicates()
                .isSorted().containsExactlyElementsOf(ids.subList(ids.size() - ListQuery.SEARCH_COUNT_CAP, ids.size()));
    }


    @Test
    void aRunsReportKeepsItsRejectionsAndNotes() {
        open(0, 0);
        long id = store.ports().taskRuns().recordStart(TaskName.IMPORT_MOVIES, "node-a", Instant.parse("2026-12-01T00:00:00Z"));
        store.ports().taskRuns().recordFinish(id, TaskReport.succeeded(TaskName.IMPORT_MOVIES,
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:02Z"),
                Map.of("read", 3L, "rejected", 1L), List.of(new Rejection(2, "x", "no usable title")), List.of("a note")));
        var report = store.overview().findRun(id).orElseThrow();
        assertThat(report.run().node()).isEqualTo("node-a");
        assertThat(report.run().counts()).containsEntry("rejected", 1L);
        assertThat(report.rejections()).containsExactly(new Rejection(2, "x", "no usable title"));
        assertThat(report.notes()).containsExactly("a note");
        assertThat(store.overview().findRun(id + 1000)).isEmpty();
    }

    @Test
    void eachReadRunsAFixedNumberOfStatementsWhateverTheCatalogsSize() {
        open(30, 6);
        checkLinks();
        long run = store.ports().taskRuns().recordStart(TaskName.IMPORT_MOVIES, "n", Instant.parse("2026-12-01T00:00:00Z"));
        store.ports().taskRuns().recordFinish(run, TaskReport.succeeded(TaskName.IMPORT_MOVIES, Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:01Z"), Map.of("read", 1L), List.of(new Rejection(0, null, "r")), List.of("n")));
        runId = run;
        int[] small = costs();
        store.ports().movies().upsertAll(IntStream.range(100, 400).mapToObj(i -> movie("m" + i, "Movie " + i)).toList());
        checkLinks();
        assertThat(costs()).containsExactly(small);
        assertThat(small).containsExactly(1, 2, 2, 2, 4);
    }

    private int[] costs() {
        ListQuery query = new ListQuery(new Sort(SortField.IMDB_RATING, true), "movie", PageRequest.first(20));
        return new int[] {
                during(() -> store.overview().counts()),
                during(() -> store.overview().listMovies(query, EnumSet.allOf(TitleFilter.class))),
                during(() -> store.overview().listShows(new ListQuery(Sort.BY_ID, null, PageRequest.first(20)),
                        EnumSet.of(TitleFilter.INACTIVE_SOURCES))),
                during(() -> store.overview().listDeadLinks(PageRequest.first(20))),
                during(() -> store.overview().findRun(runId)),
        };
    }

    private int during(Runnable action) {
        int before = statements.get();
        action.run();
        return statements.get() - before;
    }
}
