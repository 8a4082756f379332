package io.freecast.catalog.testing.contract;

import static io.freecast.catalog.testing.Drafts.episode;
import static io.freecast.catalog.testing.Drafts.movie;
import static io.freecast.catalog.testing.Drafts.placeholders;
import static io.freecast.catalog.testing.Drafts.seasons;
import static io.freecast.catalog.testing.Drafts.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.domain.ActiveFilter;
import io.freecast.catalog.domain.EpisodeDraft;
import io.freecast.catalog.domain.EpisodeQuery;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.domain.Rejection;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.SourceType;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.port.out.RatingRepository.RatingUpdate;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.CheckedAt;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import io.freecast.catalog.port.out.SourceRepository;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import io.freecast.catalog.port.out.UpsertOutcome;
import io.freecast.catalog.testing.MutableClock;
import io.freecast.catalog.testing.PageWalks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage contract: what every store the catalog runs on must do, whatever keeps the data — the in-memory
 * store of these fixtures, SQLite, PostgreSQL. A subclass opens a fresh, empty store of its kind for each test
 * and says how to see everything it holds; it may add tests of its own technology (statement counts, schema
 * constraints).
 */
public abstract class StorageContract {

    protected static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123Z");

    protected final MutableClock clock = new MutableClock(T0);
    protected CatalogStore store;

    /** A fresh, empty store of the kind under test, stamping created and updated times with {@code clock}. */
    protected abstract CatalogStore openStore(Clock clock);

    /**
     * Everything the store holds, as one value: equal for two calls exactly when nothing stored differs (no row
     * added, removed or changed, no timestamp moved).
     */
    protected abstract Object contents();

    /** Releases what {@link #openStore} opened. */
    protected void closeStore() {
        store.close();
    }

    /**
     * Whether the task-run log refuses a write made inside a transaction (SQLite, whose one writer that very
     * transaction holds) rather than writing it outside the transaction (every other store).
     */
    protected boolean runLogRefusesWritesInsideATransaction() {
        return false;
    }

    @BeforeEach
    void openTheStore() {
        store = openStore(clock);
    }

    @AfterEach
    void closeTheStore() {
        if (store != null) {
            closeStore();
        }
    }

    // ---------------------------------------------------------------- upserts

    @Test
    void upsertMatchesByFeedIdentityAndUpdatesInPlace() {
        assertThat(store.ports().movies().upsertAll(List.of(movie("501", "Copper Valley")))).containsExactly(UpsertOutcome.CREATED);
        long id = onlyMovie().id();

        clock.advance(Duration.ofMinutes(5));
        assertThat(store.ports().movies().upsertAll(List.of(movie("501", "Copper Valley (Director's Cut)"))))
                .containsExactly(UpsertOutcome.UPDATED);

        Movie updated = onlyMovie();
        assertThat(updated.id()).isEqualTo(id);
        assertThat(updated.title()).isEqualTo("Copper Valley (Director's Cut)");
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void twoFilmsWithOneTitleButDifferentIdsStayTwo() {
        store.ports().movies().upsertAll(List.of(movie("1", "Solaris"), movie("2", "Solaris")));
        assertThat(store.ports().queries().listMovies(ListQuery.firstPage()).total()).isEqualTo(2);
    }

    @Test
    void outcomesFollowTheDraftsOrderAndARepeatedDraftAppliesAfterItsFirst() {
        store.ports().movies().upsertAll(List.of(movie("2", "Two")));
        List<UpsertOutcome> outcomes = store.ports().movies().upsertAll(List.of(movie("1", "One"), movie("2", "Two"),
                movie("3", "Three"), movie("1", "One again")));
        assertThat(outcomes).containsExactly(UpsertOutcome.CREATED, UpsertOutcome.UNCHANGED, UpsertOutcome.CREATED,
                UpsertOutcome.UPDATED);
        assertThat(titles(store.ports().queries().listMovies(ListQuery.firstPage()))).containsExactly("Two", "One again", "Three");
    }

    @Test
    void reupsertingTheSameDraftsChangesNoRowAndMovesNoTimestamp() {
        List<ShowDraft> shows = List.of(
                show("s1", "Northern Lights", 7.5, LocalDate.of(2020, 3, 1), seasons("s1", 3, 4)),
                show("s2", "Empty Show", List.of()));
        List<MovieDraft> movies = IntStream.range(0, 30)
                .mapToObj(i -> movie("m" + i, "Movie " + i, i % 3 == 0 ? null : 6.0 + i / 10.0,
                        LocalDate.of(2000 + i, 1, 1), List.of(SourceDraft.of("https://cdn.example/m" + i + ".mp4", "P"),
                                SourceDraft.of("https://cdn.example/m" + i + ".m3u8", null))))
                .toList();
        store.ports().shows().upsertAll(shows, placeholders());
        store.ports().movies().upsertAll(movies);
        Object before = contents();

        clock.advance(Duration.ofHours(1));
        assertThat(store.ports().shows().upsertAll(shows, placeholders())).containsOnly(UpsertOutcome.UNCHANGED);
        assertThat(store.ports().movies().upsertAll(movies)).containsOnly(UpsertOutcome.UNCHANGED);

        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void aCallOfMoreDraftsThanOneLookupTakesFindsEveryStoredRow() {
        List<MovieDraft> movies = IntStream.range(0, 1_201).mapToObj(i -> movie("m" + i, "Movie " + i)).toList();
        List<ShowDraft> shows = IntStream.range(0, 1_201).mapToObj(i -> show("s" + i, "Show " + i, List.of())).toList();
        assertThat(store.ports().movies().upsertAll(movies)).containsOnly(UpsertOutcome.CREATED);
        assertThat(store.ports().shows().upsertAll(shows, List.of())).containsOnly(UpsertOutcome.CREATED);

        List<MovieDraft> changed = new ArrayList<>(movies);
        changed.set(0, movie("m0", "First, renamed"));
        changed.set(1_200, movie("m1200", "Last, renamed"));
        List<UpsertOutcome> outcomes = store.ports().movies().upsertAll(changed);
        assertThat(outcomes.get(0)).isEqualTo(UpsertOutcome.UPDATED);
        assertThat(outcomes.get(1_200)).isEqualTo(UpsertOutcome.UPDATED);
        assertThat(outcomes.subList(1, 1_200)).containsOnly(UpsertOutcome.UNCHANGED);
        assertThat(store.ports().shows().upsertAll(shows, List.of())).containsOnly(UpsertOutcome.UNCHANGED);
        assertThat(store.ports().queries().listMovies(ListQuery.firstPage()).total()).isEqualTo(1_201);
    }

    @Test
    void episodeSourcesFollowTheDraftAndAStayingUrlKeepsItsCheckState() {
        String keep = "https://cdn.example/keep.mp4";
        String drop = "https://cdn.example/drop.mp4";
        String add = "https://cdn.example/add.m3u8";
        SeasonDraft before = new SeasonDraft(1, null, List.of(episode(1, keep, drop)));
        store.ports().shows().upsertAll(List.of(show("s", "Show", List.of(before))), List.of());
        Source kept = episodeSources().stream().filter(s -> s.url().equals(keep)).findFirst().orElseThrow();
        LinkState checked = new LinkState(T0, 503, 2, "server error");
        store.ports().sources().saveChecks(List.of(new SourceCheck(kept.id(), false, checked)));

        SeasonDraft after = new SeasonDraft(1, null, List.of(episode(1, keep, add)));
        assertThat(store.ports().shows().upsertAll(List.of(show("s", "Show", List.of(after))), List.of()))
                .containsExactly(UpsertOutcome.UPDATED);

        List<Source> sources = episodeSources();
        assertThat(sources).extracting(Source::url).containsExactly(keep, add);
        assertThat(sources.getFirst().id()).isEqualTo(kept.id());
        assertThat(sources.getFirst().active()).isFalse();
        assertThat(sources.getFirst().check()).isEqualTo(checked);
        assertThat(sources.get(1).type()).isEqualTo(SourceType.PLAYLIST);
        assertThat(sources.get(1).check()).isEqualTo(LinkState.NEVER_CHECKED);
    }

    @Test
    void movieSourcesFollowTheDraftAndAStayingUrlKeepsItsCheckState() {
        String keep = "https://cdn.example/keep.mp4";
        store.ports().movies().upsertAll(List.of(movie("1", "M", null, null,
                List.of(SourceDraft.of(keep, "A"), SourceDraft.of("https://cdn.example/old.mp4", "A")))));
        Source kept = store.ports().queries().findMovie(onlyMovie().id()).orElseThrow().sources().getFirst();
        LinkState checked = new LinkState(T0, 200, 0, null);
        store.ports().sources().saveChecks(List.of(new SourceCheck(kept.id(), true, checked)));

        store.ports().movies().upsertAll(List.of(movie("1", "M", null, null,
                List.of(SourceDraft.of(keep, "B"), SourceDraft.of("https://cdn.example/new.mp4", "A")))));

        List<Source> sources = store.ports().queries().findMovie(onlyMovie().id()).orElseThrow().sources();
        assertThat(sources).extracting(Source::url).containsExactly(keep, "https://cdn.example/new.mp4");
        assertThat(sources.getFirst().id()).isEqualTo(kept.id());
        assertThat(sources.getFirst().provider()).isEqualTo("B");
        assertThat(sources.getFirst().check()).isEqualTo(checked);
    }

    @Test
    void aUrlListedTwiceForOneOwnerIsStoredOnceAsFirstListedAndANewSourceIsActive() {
        String twice = "https://cdn.example/twice.mp4";
        List<SourceDraft> few = List.of(SourceDraft.of(twice, "First"), SourceDraft.of("https://cdn.example/b.mp4", "B"),
                new SourceDraft(twice, SourceType.PLAYLIST, "Second"));
        List<SourceDraft> many = new ArrayList<>(few);
        IntStream.range(0, 10).forEach(i -> many.add(SourceDraft.of("https://cdn.example/more-" + i + ".mp4", null)));
        many.add(SourceDraft.of(twice, "Third"));
        store.ports().movies().upsertAll(List.of(movie("few", "Few", null, null, few), movie("many", "Many", null, null, many)));
        store.ports().shows().upsertAll(List.of(show("s", "Show", List.of(new SeasonDraft(1, null, List.of(
                new io.freecast.catalog.domain.EpisodeDraft(1, null, null, null, few)))))), List.of());

        Map<String, List<Source>> byTitle = new LinkedHashMap<>();
        store.ports().queries().listMovies(ListQuery.firstPage()).items().forEach(t -> byTitle.put(t.movie().title(), t.sources()));
        byTitle.put("Episode", episodeSources());
        for (String owner : List.of("Few", "Many", "Episode")) {
            List<Source> sources = byTitle.get(owner);
            assertThat(sources).as(owner).filteredOn(s -> s.url().equals(twice)).singleElement().satisfies(s -> {
                assertThat(s.provider()).isEqualTo("First");
                assertThat(s.type()).isEqualTo(SourceType.DIRECT);
            });
            assertThat(sources).as(owner).hasSize(owner.equals("Many") ? 12 : 2)
                    .allSatisfy(s -> {
                        assertThat(s.active()).isTrue();
                        assertThat(s.check().consecutiveFailures()).isZero();
                    });
        }
    }

    @Test
    void seasonsAndEpisodesAreUpsertedByNumberAndNeverDeleted() {
        store.ports().shows().upsertAll(List.of(show("s", "Show", seasons("s", 2, 3))), List.of());
        SeasonDraft changedFirst = new SeasonDraft(1, "New description", List.of(
                new io.freecast.catalog.domain.EpisodeDraft(2, "Renamed", null, LocalDate.of(2021, 5, 6),
                        List.of(SourceDraft.of("https://cdn.example/shows/s/s1e2.m3u8", "Provider")))));
        assertThat(store.ports().shows().upsertAll(List.of(show("s", "Show", List.of(changedFirst))), List.of()))
                .containsExactly(UpsertOutcome.UPDATED);

        List<SeasonTree> seasons = store.ports().queries().findSeasons(onlyShowId()).orElseThrow();
        assertThat(seasons).extracting(s -> s.season().number()).containsExactly(1, 2);
        assertThat(seasons.getFirst().season().description()).isEqualTo("New description");
        assertThat(seasons.getFirst().episodes()).extracting(e -> e.episode().number()).containsExactly(1, 2, 3);
        EpisodeTree renamed = seasons.getFirst().episodes().get(1);
        assertThat(renamed.episode().title()).isEqualTo("Renamed");
        assertThat(renamed.episode().releaseDate()).isEqualTo(LocalDate.of(2021, 5, 6));
        assertThat(seasons.get(1).episodes()).hasSize(3);
    }

    @Test
    void placeholdersOnlyForAShowWithNoSeasonsInTheDraftNorStored() {
        List<UpsertOutcome> first = store.ports().shows().upsertAll(List.of(
                show("bare", "Bare", List.of()),
                show("full", "Full", seasons("full", 1, 1))), placeholders());
        assertThat(first).containsExactly(UpsertOutcome.CREATED, UpsertOutcome.CREATED);

        Map<String, ShowTree> trees = showsByTitle();
        assertThat(trees.get("Bare").seasons()).hasSize(2)
                .allSatisfy(s -> assertThat(s.episodes()).hasSize(2)
                        .allSatisfy(e -> assertThat(e.sources()).hasSize(1)));
        assertThat(trees.get("Full").seasons()).hasSize(1);

        // Again: the placeholders are there now, and a stored show with seasons never gets more.
        assertThat(store.ports().shows().upsertAll(List.of(show("bare", "Bare", List.of()), show("full", "Full", List.of())),
                placeholders())).containsExactly(UpsertOutcome.UNCHANGED, UpsertOutcome.UNCHANGED);
        assertThat(showsByTitle().get("Full").seasons()).hasSize(1);

        // Without placeholders a bare show stays bare.
        store.ports().shows().upsertAll(List.of(show("other", "Other", List.of())), List.of());
        assertThat(showsByTitle().get("Other").seasons()).isEmpty();
    }

    // ---------------------------------------------------------------- reads

    @Test
    void treesAreOrderedBySeasonNumberEpisodeNumberAndSourceId() {
        List<SeasonDraft> shuffled = List.of(
                new SeasonDraft(3, null, List.of(episode(2, "https://a.example/3-2"), episode(1, "https://a.example/3-1"))),
                new SeasonDraft(1, null, List.of(episode(3, "https://a.example/1-3b", "https://a.example/1-3a"),
                        episode(1, "https://a.example/1-1"))),
                new SeasonDraft(2, null, List.of(episode(1, "https://a.example/2-1"))));
        store.ports().shows().upsertAll(List.of(show("s", "Show", shuffled)), List.of());

        ShowTree tree = store.ports().queries().findShow(onlyShowId()).orElseThrow();
        assertThat(tree.seasons()).extracting(s -> s.season().number()).containsExactly(1, 2, 3);
        assertThat(tree.seasons().getFirst().episodes()).extracting(e -> e.episode().number()).containsExactly(1, 3);
        assertThat(tree.seasons().get(2).episodes()).extracting(e -> e.episode().number()).containsExactly(1, 2);
        List<Source> sources = tree.seasons().getFirst().episodes().get(1).sources();
        assertThat(sources).extracting(Source::url).containsExactly("https://a.example/1-3b", "https://a.example/1-3a");
        assertThat(sources.getFirst().id()).isLessThan(sources.get(1).id());
        assertThat(tree.seasons().get(2).episodes()).allSatisfy(e -> assertThat(e.seasonNumber()).isEqualTo(3));
    }

    /** Every source, read through the repository's own (jOOQ record) path, by id. */
    private Map<Long, Source> allSourcesById() {
        Map<Long, Source> byId = new LinkedHashMap<>();
        store.ports().sources().listAfter(0, 10_000).forEach(source -> byId.put(source.id(), source));
        return byId;
    }

    @Test
    void everyReadPathGivesBackExactlyWhatWasStored() {
        ShowDraft showDraft = new ShowDraft(FeedKey.of("s1", null, "Séance"), "s1", "seance", "Séance",
                "A show\nin two lines", "https://img.example/s.png", LocalDate.of(2004, 2, 29), Rating.of(7.75),
                null, List.of(), List.of(new SeasonDraft(1, "First", List.of(
                        new EpisodeDraft(1, "Pilot", "It starts", LocalDate.of(2004, 3, 1), List.of(
                                SourceDraft.of("https://cdn.example/e1.m3u8", "Tubi"),
                                SourceDraft.of("https://cdn.example/e1.mp4", null))),
                        new EpisodeDraft(2, null, null, null, List.of()))),
                        new SeasonDraft(2, null, List.of())));
        MovieDraft movieDraft = new MovieDraft(FeedKey.of("m1", null, "Ödön"), "m1", null, "Ödön", null, null,
                LocalDate.of(1970, 1, 1), 1970, null, Rating.of(9.5),
                List.of(SourceDraft.of("https://cdn.example/m1.mp4", "Pluto"), SourceDraft.of("https://cdn.example/m1.m3u8", null)));
        store.ports().shows().upsertAll(List.of(showDraft), List.of());
        store.ports().movies().upsertAll(List.of(movieDraft));
        List<Long> sourceIds = new ArrayList<>(allSourcesById().keySet());
        Instant checkedAt = Instant.parse("2026-03-04T05:06:07.089Z");
        store.ports().sources().saveChecks(List.of(
                new SourceCheck(sourceIds.get(0), false, new LinkState(checkedAt, 503, 2, "server error 503")),
                new SourceCheck(sourceIds.get(2), true, new LinkState(checkedAt.plusMillis(1), 200, 0, null))));
        Map<Long, Source> stored = allSourcesById();
        Function<List<Source>, List<Source>> asStored = sources -> sources.stream().map(s -> stored.get(s.id())).toList();

        ShowTree show = store.ports().queries().findShow(onlyShowId()).orElseThrow();
        assertThat(show.show()).isEqualTo(new io.freecast.catalog.domain.Show(show.show().id(), showDraft.key(), "s1",
                "seance", "Séance", "A show\nin two lines", "https://img.example/s.png", LocalDate.of(2004, 2, 29),
                Rating.of(7.75), null, T0, T0));
        assertThat(show.seasons()).extracting(s -> s.season().number(), s -> s.season().description(),
                s -> s.episodes().size()).containsExactly(org.assertj.core.groups.Tuple.tuple(1, "First", 2),
                org.assertj.core.groups.Tuple.tuple(2, null, 0));
        EpisodeTree pilot = show.seasons().getFirst().episodes().getFirst();
        assertThat(pilot.episode()).isEqualTo(new io.freecast.catalog.domain.Episode(pilot.episode().id(),
                show.seasons().getFirst().season().id(), 1, "Pilot", "It starts", LocalDate.of(2004, 3, 1)));
        assertThat(pilot.sources()).hasSize(2).isEqualTo(asStored.apply(pilot.sources()));
        assertThat(pilot.sources().getFirst().check()).isEqualTo(new LinkState(checkedAt, 503, 2, "server error 503"));
        assertThat(pilot.sources().getFirst().active()).isFalse();
        assertThat(pilot.sources().get(1).provider()).isNull();

        assertThat(store.ports().queries().listShows(ListQuery.firstPage()).items()).containsExactly(show);
        assertThat(store.ports().queries().findSeasons(show.show().id())).contains(show.seasons());
        assertThat(store.ports().queries().findEpisodes(show.show().id(), new EpisodeQuery(null, PageRequest.firstPage()))
                .orElseThrow().items()).isEqualTo(show.seasons().getFirst().episodes());
        assertThat(store.ports().queries().findEpisodeSources(pilot.episode().id(), ActiveFilter.ALL)).contains(pilot.sources());

        MovieTree movie = store.ports().queries().listMovies(ListQuery.firstPage()).items().getFirst();
        assertThat(movie.movie()).isEqualTo(new Movie(movie.movie().id(), movieDraft.key(), "m1", null, "Ödön", null,
                null, LocalDate.of(1970, 1, 1), 1970, null, Rating.of(9.5), T0, T0));
        assertThat(movie.sources()).hasSize(2).isEqualTo(asStored.apply(movie.sources()));
        assertThat(movie.sources().getFirst().check()).isEqualTo(new LinkState(checkedAt.plusMillis(1), 200, 0, null));
        assertThat(movie.sources().get(1).check()).isEqualTo(LinkState.NEVER_CHECKED);
        assertThat(store.ports().queries().findMovie(movie.movie().id())).contains(movie);
        assertThat(store.ports().queries().findMovieSources(movie.movie().id(), ActiveFilter.ALL)).contains(movie.sources());
    }

    /**
     * An item's sources are listed in id order — the order they were first imported in — whatever their URLs'
     * order, through every read that lists them (the stores read them in their (owner, url) index's order and
     * put them in id order themselves).
     */
    @Test
    void sourcesAreListedInIdOrderWhateverTheOrderOfTheirUrls() {
        List<String> urls = List.of("https://z.example/3.mp4", "https://m.example/2.mp4", "https://a.example/1.mp4");
        store.ports().movies().upsertAll(List.of(movie("1", "Three sources", null, null,
                urls.stream().map(url -> SourceDraft.of(url, "Tubi")).toList())));
        store.ports().shows().upsertAll(List.of(show("s", "Three sources", List.of(new SeasonDraft(1, "Season 1",
                List.of(episode(1, urls.toArray(String[]::new))))))), List.of());
        long movieId = onlyMovie().id();
        long showId = onlyShowId();

        List<Source> movieSources = store.ports().queries().findMovie(movieId).orElseThrow().sources();
        List<Source> episodeSources = store.ports().queries()
                .findEpisodes(showId, new EpisodeQuery(null, PageRequest.firstPage())).orElseThrow()
                .items().getFirst().sources();
        long episodeId = episodeSources.getFirst().owner().id();
        for (List<Source> sources : List.of(movieSources, episodeSources,
                store.ports().queries().listMovies(ListQuery.firstPage()).items().getFirst().sources(),
                store.ports().queries().findMovieSources(movieId, ActiveFilter.ALL).orElseThrow(),
                store.ports().queries().findMovieSources(movieId, ActiveFilter.ACTIVE_ONLY).orElseThrow(),
                store.ports().queries().findEpisodeSources(episodeId, ActiveFilter.ALL).orElseThrow(),
                store.ports().queries().findEpisodeSources(episodeId, ActiveFilter.ACTIVE_ONLY).orElseThrow())) {
            assertThat(sources).extracting(Source::url).containsExactlyElementsOf(urls);
            assertThat(sources).extracting(Source::id).isSorted();
        }
    }

    @Test
    void findReturnsEmptyForAMissingParentAndEmptyListsForAParentWithoutChildren() {
        store.ports().shows().upsertAll(List.of(show("s", "Bare", List.of())), List.of());
        store.ports().movies().upsertAll(List.of(movie("1", "No sources", null, null, List.of())));
        long showId = onlyShowId();
        long movieId = onlyMovie().id();

        assertThat(store.ports().queries().findShow(showId + 1000)).isEmpty();
        assertThat(store.ports().queries().findSeasons(showId + 1000)).isEmpty();
        assertThat(store.ports().queries().findEpisodes(showId + 1000, new EpisodeQuery(null, PageRequest.firstPage()))).isEmpty();
        assertThat(store.ports().queries().findEpisodeSources(424242, ActiveFilter.ALL)).isEmpty();
        assertThat(store.ports().queries().findMovie(movieId + 1000)).isEmpty();
        assertThat(store.ports().queries().findMovieSources(movieId + 1000, ActiveFilter.ALL)).isEmpty();

        assertThat(store.ports().queries().findShow(showId).orElseThrow().seasons()).isEmpty();
        assertThat(store.ports().queries().findSeasons(showId)).contains(List.of());
        assertThat(store.ports().queries().findEpisodes(showId, new EpisodeQuery(null, PageRequest.firstPage())).orElseThrow()
                .items()).isEmpty();
        assertThat(store.ports().queries().findMovieSources(movieId, ActiveFilter.ALL)).contains(List.of());
    }

    @Test
    void sourcesFilterByActiveState() {
        store.ports().movies().upsertAll(List.of(movie("1", "M", null, null, List.of(SourceDraft.of("https://a.example/1", null),
                SourceDraft.of("https://a.example/2", null), SourceDraft.of("https://a.example/3", null)))));
        long movieId = onlyMovie().id();
        List<Source> all = store.ports().queries().findMovieSources(movieId, ActiveFilter.ALL).orElseThrow();
        store.ports().sources().saveChecks(List.of(new SourceCheck(all.get(1).id(), false, new LinkState(T0, 404, 0, "gone"))));

        assertThat(store.ports().queries().findMovieSources(movieId, ActiveFilter.ACTIVE_ONLY).orElseThrow())
                .extracting(Source::url).containsExactly("https://a.example/1", "https://a.example/3");
        assertThat(store.ports().queries().findMovieSources(movieId, ActiveFilter.INACTIVE_ONLY).orElseThrow())
                .extracting(Source::url).containsExactly("https://a.example/2");

        store.ports().shows().upsertAll(List.of(show("s", "S", List.of(new SeasonDraft(1, null,
                List.of(episode(1, "https://b.example/1", "https://b.example/2")))))), List.of());
        long episodeId = store.ports().queries().findShow(onlyShowId()).orElseThrow().seasons().getFirst().episodes().getFirst()
                .episode().id();
        List<Source> episodeSources = store.ports().queries().findEpisodeSources(episodeId, ActiveFilter.ALL).orElseThrow();
        store.ports().sources().saveChecks(List.of(new SourceCheck(episodeSources.getFirst().id(), false, LinkState.NEVER_CHECKED)));
        assertThat(store.ports().queries().findEpisodeSources(episodeId, ActiveFilter.ACTIVE_ONLY).orElseThrow())
                .extracting(Source::url).containsExactly("https://b.example/2");
        assertThat(store.ports().queries().findEpisodeSources(episodeId, ActiveFilter.INACTIVE_ONLY).orElseThrow())
                .extracting(Source::url).containsExactly("https://b.example/1");
    }

    @Test
    void episodesOfAShowPageInSeasonThenEpisodeOrderWithAnOptionalSeasonFilter() {
        store.ports().shows().upsertAll(List.of(show("s", "Show", seasons("s", 4, 5)), show("t", "Other", seasons("t", 2, 2))),
                List.of());
        long showId = showsByTitle().get("Show").show().id();

        List<String> forward = new ArrayList<>();
        Page<EpisodeTree> page = store.ports().queries().findEpisodes(showId, new EpisodeQuery(null, PageRequest.first(3)))
                .orElseThrow();
        assertThat(page.total()).isEqualTo(20);
        assertThat(page.previous()).isNull();
        Page<EpisodeTree> last = page;
        while (true) {
            page.items().forEach(e -> forward.add(e.seasonNumber() + "x" + e.episode().number()));
            last = page;
            if (page.next() == null) {
                break;
            }
            page = store.ports().queries().findEpisodes(showId, new EpisodeQuery(null, new PageRequest(3, page.next())))
                    .orElseThrow();
        }
        List<String> expected = new ArrayList<>();
        for (int s = 1; s <= 4; s++) {
            for (int e = 1; e <= 5; e++) {
                expected.add(s + "x" + e);
            }
        }
        assertThat(forward).isEqualTo(expected);

        List<String> backward = new ArrayList<>();
        page = last;
        while (true) {
            List<String> items = page.items().stream().map(e -> e.seasonNumber() + "x" + e.episode().number()).toList();
            backward.addAll(0, items);
            if (page.previous() == null) {
                break;
            }
            page = store.ports().queries().findEpisodes(showId, new EpisodeQuery(null, new PageRequest(3, page.previous())))
                    .orElseThrow();
        }
        assertThat(backward).isEqualTo(expected);

        Page<EpisodeTree> season3 = store.ports().queries().findEpisodes(showId, new EpisodeQuery(3, PageRequest.first(50)))
                .orElseThrow();
        assertThat(season3.total()).isEqualTo(5);
        assertThat(season3.items()).allSatisfy(e -> assertThat(e.seasonNumber()).isEqualTo(3));
        assertThat(season3.items()).allSatisfy(e -> assertThat(e.sources()).hasSize(1));
        assertThat(store.ports().queries().findEpisodes(showId, new EpisodeQuery(9, PageRequest.first(50))).orElseThrow().total())
                .isZero();
    }

    @Test
    void keysetPagingVisitsEveryMovieOnceInEverySortBothWays() {
        List<MovieDraft> movies = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            Double imdb = i % 5 == 0 ? null : 5.0 + (i % 7) / 2.0;          // ties and unknowns
            LocalDate released = i % 4 == 0 ? null : LocalDate.of(1990 + i % 9, 1 + i % 12, 1);
            String title = switch (i % 6) {
                case 0 -> "Same Title";                                    // ties on title
                case 1 -> "Émile " + i;
                case 2 -> "zebra " + i;
                case 3 -> "Apple " + i;
                case 4 -> "東京 " + i;
                default -> "ábc " + i;
            };
            movies.add(new MovieDraft(FeedKey.of("m" + i, null, title), "m" + i, null, title, null, null, released,
                    released == null ? null : released.getYear(), Rating.ofNullable(imdb),
                    i % 3 == 0 ? Rating.of(4.0 + i % 4) : null, List.of()));
        }
        store.ports().movies().upsertAll(movies);
        List<MovieTree> all = store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, null, PageRequest.first(500))).items();
        assertThat(all).hasSize(61);

        for (SortField field : SortField.forMovies()) {
            for (boolean descending : new boolean[] {false, true}) {
                Sort sort = new Sort(field, descending);
                List<Long> expected = all.stream().sorted(javaOrder(field, descending)).map(m -> m.movie().id()).toList();
                assertThat(walkForward(sort, 7)).as("forward %s", sort.wireName()).isEqualTo(expected);
                assertThat(walkBackward(sort, 7)).as("backward %s", sort.wireName()).isEqualTo(expected);
            }
        }
    }

    @Test
    void previousThenNextReturnsTheSamePagesAcrossUnknownValues() {
        store.ports().movies().upsertAll(IntStream.range(0, 12).mapToObj(i -> movie("m" + i, "M" + i,
                i % 3 == 0 ? null : 5.0 + i % 4, null, List.of())).toList());
        Sort sort = new Sort(SortField.IMDB_RATING, true);
        Function<Page<MovieTree>, List<Long>> ids = p -> p.items().stream().map(m -> m.movie().id()).toList();
        Page<MovieTree> p1 = store.ports().queries().listMovies(new ListQuery(sort, null, PageRequest.first(4)));
        Page<MovieTree> p2 = store.ports().queries().listMovies(new ListQuery(sort, null, new PageRequest(4, p1.next())));
        Page<MovieTree> p3 = store.ports().queries().listMovies(new ListQuery(sort, null, new PageRequest(4, p2.next())));
        assertThat(p3.next()).isNull();
        assertThat(p3.items()).allSatisfy(m -> assertThat(m.movie().imdbRating()).isNull());

        Page<MovieTree> back2 = store.ports().queries().listMovies(new ListQuery(sort, null, new PageRequest(4, p3.previous())));
        assertThat(ids.apply(back2)).isEqualTo(ids.apply(p2));
        Page<MovieTree> back1 = store.ports().queries().listMovies(new ListQuery(sort, null, new PageRequest(4, back2.previous())));
        assertThat(ids.apply(back1)).isEqualTo(ids.apply(p1));
        assertThat(back1.previous()).isNull();
        Page<MovieTree> again2 = store.ports().queries().listMovies(new ListQuery(sort, null, new PageRequest(4, back1.next())));
        assertThat(ids.apply(again2)).isEqualTo(ids.apply(p2));
        assertThat(p2.total()).isEqualTo(12);
    }

    @Test
    void keysetPagingOfShowsMatchesTheFullList() {
        List<ShowDraft> shows = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            shows.add(show("s" + i, (i % 2 == 0 ? "Even " : "odd ") + (i % 5), i % 4 == 0 ? null : 5.0 + i % 3,
                    i % 3 == 0 ? null : LocalDate.of(2000 + i % 4, 1, 1), seasons("s" + i, 1 + i % 2, 1)));
        }
        store.ports().shows().upsertAll(shows, List.of());
        for (SortField field : SortField.forShows()) {
            for (boolean descending : new boolean[] {false, true}) {
                Sort sort = new Sort(field, descending);
                List<Long> full = store.ports().queries().listShows(new ListQuery(sort, null, PageRequest.first(500))).items()
                        .stream().map(s -> s.show().id()).toList();
                assertThat(full).hasSize(23).doesNotHaveDuplicates();
                List<Long> paged = new ArrayList<>();
                Page<ShowTree> page = store.ports().queries().listShows(new ListQuery(sort, null, PageRequest.first(4)));
                while (true) {
                    page.items().forEach(s -> paged.add(s.show().id()));
                    if (page.next() == null) {
                        break;
                    }
                    page = store.ports().queries().listShows(new ListQuery(sort, null, new PageRequest(4, page.next())));
                }
                assertThat(paged).as(sort.wireName()).isEqualTo(full);
            }
        }
    }

    @Test
    void unknownValuesSortLastInBothDirections() {
        store.ports().movies().upsertAll(List.of(movie("a", "A", null, null, List.of()), movie("b", "B", 7.0, null, List.of()),
                movie("c", "C", 9.0, null, List.of())));
        assertThat(titles(store.ports().queries().listMovies(new ListQuery(new Sort(SortField.IMDB_RATING, false), null,
                PageRequest.firstPage())))).containsExactly("B", "C", "A");
        assertThat(titles(store.ports().queries().listMovies(new ListQuery(new Sort(SortField.IMDB_RATING, true), null,
                PageRequest.firstPage())))).containsExactly("C", "B", "A");
    }

    @Test
    void titleSearchIgnoresCaseAndAccentsAndTakesSqlWildcardsLiterally() {
        List<String> titles = List.of("Amélie", "AMELIE Returns", "Le Fabuleux Destin d'Amélie Poulain", "100% Wolf",
                "a_c", "abc", "东京物语", "مرحبا بالعالم", "Movie Night 🎬", "Back\\slash");
        List<MovieDraft> drafts = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            drafts.add(movie("t" + i, titles.get(i)));
        }
        store.ports().movies().upsertAll(drafts);

        assertThat(search("amelie")).containsExactlyInAnyOrder("Amélie", "AMELIE Returns",
                "Le Fabuleux Destin d'Amélie Poulain");
        assertThat(search("AMÉLIE")).hasSize(3);
        assertThat(search("%")).containsExactly("100% Wolf");
        assertThat(search("_")).containsExactly("a_c");
        assertThat(search("a_c")).containsExactly("a_c");
        assertThat(search("\\")).containsExactly("Back\\slash");
        assertThat(search("东京")).containsExactly("东京物语");
        assertThat(search("بالعالم")).containsExactly("مرحبا بالعالم");
        assertThat(search("🎬")).containsExactly("Movie Night 🎬");
        assertThat(search("nothing like this")).isEmpty();
        Page<MovieTree> page = store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, "amelie", PageRequest.first(2)));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).hasSize(2);
        Page<MovieTree> rest = store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, "amelie", new PageRequest(2, page.next())));
        assertThat(titles(rest)).containsExactly("Le Fabuleux Destin d'Amélie Poulain");
    }

    @Test
    void unknownRatingsStayNullAndAreNeverErasedByAnImport() {
        store.ports().movies().upsertAll(List.of(movie("1", "Unrated", null, null, List.of())));
        Movie unrated = onlyMovie();
        assertThat(unrated.imdbRating()).isNull();
        assertThat(unrated.kinopoiskRating()).isNull();
        assertThat(store.ports().queries().listMovies(ListQuery.firstPage()).items().getFirst().movie().imdbRating()).isNull();

        store.ports().ratings().saveAll(List.of(new RatingUpdate(TitleKind.MOVIE, unrated.id(),
                new RatingPair(Rating.of(7.3), null), T0)));
        assertThat(onlyMovie().imdbRating()).isEqualTo(Rating.of(7.3));
        assertThat(onlyMovie().kinopoiskRating()).isNull();

        // The feed still does not know the rating: the one found stays.
        assertThat(store.ports().movies().upsertAll(List.of(movie("1", "Unrated", null, null, List.of()))))
                .containsExactly(UpsertOutcome.UNCHANGED);
        assertThat(onlyMovie().imdbRating()).isEqualTo(Rating.of(7.3));
    }

    @Test
    void unicodeRoundTripsExactly() {
        String title = "Ночь 🌙 — 東京 / עברית ﷺ e\u0301 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String description = "Line one\nLine two\t«quotes» \"double\" 'single' \\ backslash 👩🏽‍🚀";
        MovieDraft draft = new MovieDraft(FeedKey.of("u1", null, title), "u1", "slug-ü", title, description,
                "https://img.example/ü.png", LocalDate.of(1999, 12, 31), 1999, Rating.of(8.25), Rating.of(0.1),
                List.of(SourceDraft.of("https://cdn.example/видео.mp4", "Провайдер")));
        store.ports().movies().upsertAll(List.of(draft));

        MovieTree stored = store.ports().queries().listMovies(ListQuery.firstPage()).items().getFirst();
        assertThat(stored.movie().title()).isEqualTo(title);
        assertThat(stored.movie().description()).isEqualTo(description);
        assertThat(stored.movie().slug()).isEqualTo("slug-ü");
        assertThat(stored.movie().releaseDate()).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(stored.movie().imdbRating()).isEqualTo(Rating.of(8.25));
        assertThat(stored.movie().kinopoiskRating()).isEqualTo(Rating.of(0.1));
        assertThat(stored.sources().getFirst().url()).isEqualTo("https://cdn.example/видео.mp4");
        assertThat(stored.sources().getFirst().provider()).isEqualTo("Провайдер");
        assertThat(store.ports().movies().upsertAll(List.of(draft))).containsExactly(UpsertOutcome.UNCHANGED);
    }

    @Test
    void theLongestValuesTheDomainAcceptsAreStoredAndIndexed() {
        String title = "東".repeat(500);                                   // the longest title, 1,500 bytes
        String url = "https://cdn.example/" + "東".repeat(SourceDraft.MAX_URL_LENGTH - 21);   // ~6 KB of UTF-8
        String other = url.substring(0, url.length() - 1) + "西";
        String id = "键".repeat(255);
        MovieDraft draft = new MovieDraft(FeedKey.of(id, null, title), id, null, title, "x".repeat(100_000), null,
                null, null, null, null, List.of(SourceDraft.of(url, null), SourceDraft.of(other, null)));
        assertThat(store.ports().movies().upsertAll(List.of(draft))).containsExactly(UpsertOutcome.CREATED);
        assertThat(store.ports().movies().upsertAll(List.of(draft))).containsExactly(UpsertOutcome.UNCHANGED);
        MovieTree stored = store.ports().queries().listMovies(new ListQuery(new Sort(SortField.TITLE, false), "東東",
                PageRequest.firstPage())).items().getFirst();
        assertThat(stored.movie().title()).isEqualTo(title);
        assertThat(stored.sources()).extracting(Source::url).containsExactly(url, other);
    }

    // ---------------------------------------------------------------- ratings and sources

    @Test
    void ratingsWalkVisitsShowsThenMoviesOnceAndSkipsRecentlyRated() {
        store.ports().shows().upsertAll(List.of(show("s1", "S1", List.of()), show("s2", "S2", List.of()),
                show("s3", "S3", List.of())), List.of());
        store.ports().movies().upsertAll(List.of(movie("1", "M1"), movie("2", "M2")));
        long s2 = showsByTitle().get("S2").show().id();
        store.ports().ratings().saveAll(List.of(new RatingUpdate(TitleKind.SHOW, s2, RatingPair.UNKNOWN, T0)));

        List<String> walked = new ArrayList<>();
        RatingTarget after = null;
        while (true) {
            List<RatingTarget> page = store.ports().ratings().listDue(T0, after, 2);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(t -> walked.add(t.kind() + ":" + t.title()));
            after = page.getLast();
        }
        assertThat(walked).containsExactly("SHOW:S1", "SHOW:S3", "MOVIE:M1", "MOVIE:M2");
        assertThat(store.ports().ratings().listDue(T0.plusSeconds(1), null, 10)).hasSize(5);
        assertThat(store.ports().ratings().countDue(RatingField.all(), T0)).isEqualTo(4);
        assertThat(store.ports().ratings().countDue(RatingField.all(), T0.plusSeconds(1))).isEqualTo(5);
    }

    @Test
    void savingRatingsMovesUpdatedAtOnlyWhenARatingChanges() {
        store.ports().movies().upsertAll(List.of(movie("1", "M")));
        long id = onlyMovie().id();
        RatingPair pair = new RatingPair(Rating.of(6.5), Rating.of(7.0));
        Instant later = T0.plus(Duration.ofHours(1));
        store.ports().ratings().saveAll(List.of(new RatingUpdate(TitleKind.MOVIE, id, pair, later)));
        assertThat(onlyMovie().updatedAt()).isEqualTo(later);
        assertThat(onlyMovie().imdbRating()).isEqualTo(Rating.of(6.5));

        Instant evenLater = later.plus(Duration.ofHours(1));
        store.ports().ratings().saveAll(List.of(new RatingUpdate(TitleKind.MOVIE, id, pair, evenLater)));
        assertThat(onlyMovie().updatedAt()).isEqualTo(later);
        assertThat(store.ports().ratings().listDue(evenLater, null, 10)).isEmpty();
        assertThat(store.ports().ratings().listDue(evenLater.plusMillis(1), null, 10)).hasSize(1)
                .first().satisfies(t -> assertThat(t.checked()).isEqualTo(CheckedAt.both(evenLater)));
    }

    @Test
    void eachRatingFieldHasItsOwnCheckTimeStampedOnlyByItsSource() {
        store.ports().movies().upsertAll(List.of(movie("1", "M")));
        long id = onlyMovie().id();

        // A kinopoisk run (the source of kinopoisk_rating) checked the title: omdb's field is still never checked.
        store.ports().ratings().saveAll(List.of(new RatingUpdate(TitleKind.MOVIE, id,
                new RatingPair(null, Rating.of(7.0)), Set.of(RatingField.KINOPOISK), T0)));

        assertThat(store.ports().ratings().listDue(Set.of(RatingField.KINOPOISK), T0, null, 10)).isEmpty();
        assertThat(store.ports().ratings().listDue(Set.of(RatingField.IMDB), T0, null, 10)).singleElement()
                .satisfies(t -> assertThat(t.checked()).isEqualTo(new CheckedAt(null, T0)));
        assertThat(store.ports().ratings().listDue(RatingField.all(), T0, null, 10)).hasSize(1);
        assertThat(store.ports().ratings().listDue(Set.of(RatingField.KINOPOISK), T0.plusMillis(1), null, 10)).hasSize(1);
        assertThat(store.ports().ratings().countDue(Set.of(RatingField.KINOPOISK), T0)).isZero();
        assertThat(store.ports().ratings().countDue(Set.of(RatingField.IMDB), T0)).isEqualTo(1);

        Instant later = T0.plus(Duration.ofMinutes(5));
        store.ports().ratings().saveAll(List.of(new RatingUpdate(TitleKind.MOVIE, id, RatingPair.UNKNOWN,
                Set.of(RatingField.IMDB), later)));
        assertThat(store.ports().ratings().listDue(Set.of(RatingField.IMDB), later, null, 10))
                .as("asked and not found is checked too").isEmpty();
        assertThat(store.ports().ratings().listDue(RatingField.all(), later.plusMillis(1), null, 10)).singleElement()
                .satisfies(t -> assertThat(t.checked()).isEqualTo(new CheckedAt(later, T0)));
    }

    @Test
    void aFieldsSourceReplacesItsValueAndAnotherProviderOnlyFillsAnUnknownOne() {
        store.ports().movies().upsertAll(List.of(movie("1", "Known", 6.0, null, List.of()), movie("2", "Unknown")));
        Map<String, Long> ids = new LinkedHashMap<>();
        store.ports().queries().listMovies(ListQuery.firstPage()).items()
                .forEach(m -> ids.put(m.movie().title(), m.movie().id()));
        Set<RatingField> kinopoisk = Set.of(RatingField.KINOPOISK);
        Set<RatingField> imdb = Set.of(RatingField.IMDB);

        // kinopoisk mirrors an IMDb rating: it fills the unknown one and leaves the known one alone.
        store.ports().ratings().saveAll(List.of(
                new RatingUpdate(TitleKind.MOVIE, ids.get("Known"), new RatingPair(Rating.of(5.5), Rating.of(7.0)), kinopoisk, T0),
                new RatingUpdate(TitleKind.MOVIE, ids.get("Unknown"), new RatingPair(Rating.of(5.5), Rating.of(7.1)), kinopoisk, T0)));
        assertThat(ratingsOf(ids.get("Known"))).isEqualTo(new RatingPair(Rating.of(6.0), Rating.of(7.0)));
        assertThat(ratingsOf(ids.get("Unknown"))).isEqualTo(new RatingPair(Rating.of(5.5), Rating.of(7.1)));

        // omdb, the source of imdb_rating, replaces what it knows; what it does not answer stays.
        Instant later = T0.plus(Duration.ofMinutes(1));
        store.ports().ratings().saveAll(List.of(
                new RatingUpdate(TitleKind.MOVIE, ids.get("Known"), new RatingPair(Rating.of(7.4), null), imdb, later),
                new RatingUpdate(TitleKind.MOVIE, ids.get("Unknown"), RatingPair.UNKNOWN, imdb, later)));
        assertThat(ratingsOf(ids.get("Known"))).isEqualTo(new RatingPair(Rating.of(7.4), Rating.of(7.0)));
        assertThat(ratingsOf(ids.get("Unknown"))).isEqualTo(new RatingPair(Rating.of(5.5), Rating.of(7.1)));

        // kinopoisk's mirror never replaces omdb's value afterwards.
        store.ports().ratings().saveAll(List.of(new RatingUpdate(TitleKind.MOVIE, ids.get("Known"),
                new RatingPair(Rating.of(5.0), Rating.of(7.2)), kinopoisk, later.plusSeconds(60))));
        assertThat(ratingsOf(ids.get("Known"))).isEqualTo(new RatingPair(Rating.of(7.4), Rating.of(7.2)));
    }

    private RatingPair ratingsOf(long movieId) {
        Movie movie = store.ports().queries().findMovie(movieId).orElseThrow().movie();
        return new RatingPair(movie.imdbRating(), movie.kinopoiskRating());
    }

    @Test
    void sourcesWalkByIdAndChecksAreStored() {
        store.ports().movies().upsertAll(IntStream.range(0, 7).mapToObj(i -> movie("m" + i, "M" + i)).toList());
        List<Long> ids = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Source> page = store.ports().sources().listAfter(after, 3);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(s -> ids.add(s.id()));
            after = page.getLast().id();
        }
        assertThat(ids).hasSize(7).isSorted().doesNotHaveDuplicates();

        LinkState state = new LinkState(T0, null, 3, "timed out after 10 s");
        store.ports().sources().saveChecks(List.of(new SourceCheck(ids.get(2), false, state)));
        Source checked = store.ports().sources().listAfter(ids.get(1), 1).getFirst();
        assertThat(checked.active()).isFalse();
        assertThat(checked.check()).isEqualTo(state);
    }

    @Test
    void dueSourcesWalkNeverCheckedFirstThenByDueTimeAndIdAndStopBeforeTheGivenTime() {
        store.ports().movies().upsertAll(IntStream.range(0, 6).mapToObj(i -> movie("m" + i, "M" + i)).toList());
        List<Long> ids = store.ports().sources().listAfter(0, 100).stream().map(Source::id).toList();
        LinkState ok = new LinkState(T0, 200, 0, null);
        // ids 0 and 1 never checked; 2 and 3 due at the same time (id breaks the tie); 4 due earlier; 5 not yet due.
        store.ports().sources().saveChecks(List.of(
                new SourceCheck(ids.get(3), true, ok, T0.plusSeconds(60)),
                new SourceCheck(ids.get(2), true, ok, T0.plusSeconds(60)),
                new SourceCheck(ids.get(4), true, ok, T0.plusSeconds(30)),
                new SourceCheck(ids.get(5), true, ok, T0.plusSeconds(3600))));
        Instant dueBefore = T0.plusSeconds(600);

        List<Long> walked = new ArrayList<>();
        SourceRepository.CheckCursor cursor = SourceRepository.CheckCursor.START;
        while (true) {
            List<SourceRepository.DueSource> page = store.ports().sources().listDue(dueBefore, cursor, 2);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(due -> walked.add(due.source().id()));
            cursor = page.getLast().cursor();
        }

        assertThat(walked).containsExactly(ids.get(0), ids.get(1), ids.get(4), ids.get(2), ids.get(3));
        assertThat(store.ports().sources().countDue(dueBefore, SourceRepository.CheckCursor.START)).isEqualTo(5);
        SourceRepository.DueSource third = store.ports().sources().listDue(dueBefore, SourceRepository.CheckCursor.START, 3).getLast();
        assertThat(third.checkDueAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(third.source().check()).isEqualTo(ok);
        assertThat(store.ports().sources().countDue(dueBefore, third.cursor())).isEqualTo(2);
        assertThat(store.ports().sources().listDue(T0.plusSeconds(60), third.cursor(), 10))
                .as("due exactly at the limit is not due before it").isEmpty();
    }

    @Test
    void aCheckWithoutABackOffIsDueFromItsCheckTimeAndANewSourceIsDueSinceTheEpoch() {
        store.ports().movies().upsertAll(List.of(movie("m", "M")));
        Source source = store.ports().sources().listAfter(0, 1).getFirst();
        assertThat(store.ports().sources().listDue(T0, SourceRepository.CheckCursor.START, 1).getFirst().checkDueAt())
                .isEqualTo(SourceRepository.NEVER_CHECKED_DUE);

        store.ports().sources().saveChecks(List.of(new SourceCheck(source.id(), true, new LinkState(T0, 200, 0, null))));

        assertThat(store.ports().sources().listDue(T0.plusMillis(1), SourceRepository.CheckCursor.START, 1).getFirst()
                .checkDueAt()).isEqualTo(T0);
    }

    // ---------------------------------------------------------------- transactions

    @Test
    void aFailingTransactionRollsEverythingBackAndRethrowsTheSameException() {
        Object empty = contents();
        IllegalStateException failure = new IllegalStateException("feed cut off");
        assertThatThrownBy(() -> store.ports().transactions().inTransaction(() -> {
            store.ports().movies().upsertAll(List.of(movie("1", "One")));
            store.ports().transactions().inTransaction(() -> store.ports().shows().upsertAll(List.of(show("s", "S", seasons("s", 1, 1))),
                    List.of()));
            throw failure;
        })).isSameAs(failure);
        assertThat(contents()).isEqualTo(empty);
        assertThat(store.ports().queries().listMovies(ListQuery.firstPage()).total()).isZero();
        assertThat(store.ports().queries().listShows(ListQuery.firstPage()).total()).isZero();
        assertThat(store.ports().sources().listAfter(0, 10)).isEmpty();
    }

    @Test
    void nestedTransactionsJoinTheOuterOneAndCommitWithIt() {
        String result = store.ports().transactions().inTransaction(() -> {
            store.ports().movies().upsertAll(List.of(movie("1", "One")));
            return store.ports().transactions().inTransaction(() -> {
                store.ports().movies().upsertAll(List.of(movie("2", "Two")));
                return "done";
            });
        });
        assertThat(result).isEqualTo("done");
        assertThat(store.ports().queries().listMovies(ListQuery.firstPage()).total()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- times across a daylight-saving gap

    /**
     * Times are UTC and must not pass through the JVM's zone on their way to the database or back: in
     * Europe/Berlin 2026-03-29 02:30 does not exist (clocks jump from 02:00 to 03:00), so a UTC 02:30
     * converted through {@code java.sql.Timestamp} would be stored or read as 03:30. Every write path is
     * tried: the import's batch insert and update, a link check, a task run's start and finish, ratings.
     */
    @Test
    void timesInALocalDaylightSavingGapAreStoredAndReadAsTheyAre() {
        Instant inGap = Instant.parse("2026-03-29T02:30:15.250Z");
        java.util.TimeZone jvmZone = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Europe/Berlin"));
        try {
            clock.set(inGap);
            store.ports().movies().upsertAll(List.of(movie("1", "Gap", null, null,
                    List.of(SourceDraft.of("https://cdn.example/gap.mp4", "A")))));
            clock.set(inGap.plus(Duration.ofMinutes(10)));
            store.ports().movies().upsertAll(List.of(movie("1", "Gap, renamed", null, null,
                    List.of(SourceDraft.of("https://cdn.example/gap.mp4", "A")))));
            Movie movie = onlyMovie();
            Source source = store.ports().queries().findMovie(movie.id()).orElseThrow().sources().getFirst();
            LinkState checked = new LinkState(inGap.plus(Duration.ofMinutes(20)), 200, 0, null);
            store.ports().sources().saveChecks(List.of(new SourceCheck(source.id(), true, checked)));
            long run = store.ports().taskRuns().recordStart(TaskName.IMPORT_MOVIES, "node", inGap);
            store.ports().taskRuns().recordFinish(run, TaskReport.succeeded(TaskName.IMPORT_MOVIES, inGap,
                    inGap.plus(Duration.ofMinutes(25)), Map.of(), List.of(), List.of()));

            assertThat(movie.createdAt()).isEqualTo(inGap);
            assertThat(movie.updatedAt()).isEqualTo(inGap.plus(Duration.ofMinutes(10)));
            assertThat(store.ports().queries().findMovie(movie.id()).orElseThrow().sources().getFirst().check())
                    .isEqualTo(checked);
            TaskRun recorded = store.ports().taskRuns().findLatest(TaskName.IMPORT_MOVIES).orElseThrow();
            assertThat(recorded.startedAt()).isEqualTo(inGap);
            assertThat(recorded.finishedAt()).isEqualTo(inGap.plus(Duration.ofMinutes(25)));

            Instant rated = inGap.plus(Duration.ofMinutes(29));
            store.ports().ratings().saveAll(List.of(new RatingUpdate(TitleKind.MOVIE, movie.id(),
                    new RatingPair(Rating.of(6.5), null), rated)));
            assertThat(onlyMovie().updatedAt()).isEqualTo(rated);
            assertThat(store.ports().ratings().listDue(rated.plusMillis(1), null, 10)).singleElement()
                    .satisfies(target -> assertThat(target.checked()).isEqualTo(CheckedAt.both(rated)));
        } finally {
            java.util.TimeZone.setDefault(jvmZone);
        }
    }

    // ---------------------------------------------------------------- task runs and leases

    @Test
    void taskRunsAreRecordedWithCountsAndListedNewestFirst() {
        for (int i = 0; i < 5; i++) {
            Instant start = T0.plus(Duration.ofMinutes(i));
            long id = store.ports().taskRuns().recordStart(TaskName.IMPORT_MOVIES, "node-a", start);
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("created", (long) i);
            counts.put("updated", 0L);
            counts.put("rejected", 1L);
            store.ports().taskRuns().recordFinish(id, TaskReport.succeeded(TaskName.IMPORT_MOVIES, start, start.plusSeconds(3),
                    counts, List.of(new Rejection(4, "x", "title is missing")), List.of("a note")));
        }
        long running = store.ports().taskRuns().recordStart(TaskName.IMPORT_MOVIES, "node-b", T0.plus(Duration.ofHours(1)));
        store.ports().taskRuns().recordStart(TaskName.UPDATE_RATINGS, "node-a", T0);

        TaskRun latest = store.ports().taskRuns().findLatest(TaskName.IMPORT_MOVIES).orElseThrow();
        assertThat(latest.id()).isEqualTo(running);
        assertThat(latest.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(latest.finishedAt()).isNull();
        assertThat(store.ports().taskRuns().findLatest(TaskName.VALIDATE_SOURCES)).isEmpty();

        Page<TaskRun> first = store.ports().taskRuns().listRuns(TaskName.IMPORT_MOVIES, PageRequest.first(4));
        assertThat(first.total()).isEqualTo(6);
        Page<TaskRun> second = store.ports().taskRuns().listRuns(TaskName.IMPORT_MOVIES, new PageRequest(4, first.next()));
        List<TaskRun> runs = new ArrayList<>(first.items());
        runs.addAll(second.items());
        assertThat(runs).extracting(TaskRun::startedAt).isSortedAccordingTo(Comparator.reverseOrder()).hasSize(6);
        TaskRun done = runs.get(1);
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(done.counts()).containsExactly(Map.entry("created", 4L), Map.entry("updated", 0L),
                Map.entry("rejected", 1L));
        assertThat(done.finishedAt()).isEqualTo(done.startedAt().plusSeconds(3));
    }

    @Test
    void aRunWhoseWorkRolledBackIsStillRecordedAsFailed() {
        long id = store.ports().taskRuns().recordStart(TaskName.IMPORT_SHOWS, "node", T0);
        assertThatThrownBy(() -> store.ports().transactions().inTransaction(() -> {
            store.ports().shows().upsertAll(List.of(show("s", "S", List.of())), placeholders());
            throw new IllegalStateException("feed cut off");
        })).hasMessage("feed cut off");
        store.ports().taskRuns().recordFinish(id, TaskReport.failed(TaskName.IMPORT_SHOWS, T0, T0.plusSeconds(1), "feed cut off"));

        TaskRun run = store.ports().taskRuns().findLatest(TaskName.IMPORT_SHOWS).orElseThrow();
        assertThat(run.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(run.error()).isEqualTo("feed cut off");
        assertThat(store.ports().queries().listShows(ListQuery.firstPage()).total()).isZero();
    }

    @Test
    void anInterruptedRunIsRecordedWithItsReasonCountsAndNotes() {
        long id = store.ports().taskRuns().recordStart(TaskName.IMPORT_MOVIES, "node", T0);
        store.ports().taskRuns().recordFinish(id, TaskReport.interrupted(TaskName.IMPORT_MOVIES, T0, T0.plusSeconds(4),
                Map.of("read", 1200L), List.of("nothing was imported"), "the server was stopped"));

        TaskRun run = store.ports().taskRuns().findLatest(TaskName.IMPORT_MOVIES).orElseThrow();
        assertThat(run.status()).isEqualTo(TaskStatus.INTERRUPTED);
        assertThat(run.error()).isEqualTo("the server was stopped");
        assertThat(run.finishedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(run.counts()).containsEntry("read", 1200L);
    }

    @Test
    void aRunsEndMayBeWrittenAgainWithTheTruthReplacingWhatWasWrittenBefore() {
        long id = store.ports().taskRuns().recordStart(TaskName.IMPORT_MOVIES, "node", T0);
        store.ports().taskRuns().recordFinish(id, TaskReport.failed(TaskName.IMPORT_MOVIES, T0, T0.plusSeconds(120),
                "abandoned: node node stopped while running it (its lease expired)"));
        store.ports().taskRuns().recordFinish(id, new TaskReport(TaskName.IMPORT_MOVIES, T0, T0.plusSeconds(2),
                TaskStatus.FAILED, Map.of("read", 700L), List.of(), List.of(), "the database is unreachable"));

        TaskRun run = store.ports().taskRuns().findLatest(TaskName.IMPORT_MOVIES).orElseThrow();
        assertThat(run.error()).isEqualTo("the database is unreachable");
        assertThat(run.finishedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(run.counts()).containsExactly(Map.entry("read", 700L));
    }

    @Test
    void theRunLogNeverJoinsATransaction() {
        if (!runLogRefusesWritesInsideATransaction()) {
            // Written outside the transaction: the rollback of the work does not take it along.
            assertThatThrownBy(() -> store.ports().transactions().inTransaction(() -> {
                store.ports().taskRuns().recordStart(TaskName.IMPORT_SHOWS, "node", T0);
                throw new IllegalStateException("work failed");
            })).hasMessage("work failed");
            assertThat(store.ports().taskRuns().findLatest(TaskName.IMPORT_SHOWS)).isPresent();
        } else {
            // SQLite has one writer, held by this very transaction: refused at once rather than waiting forever.
            assertThatThrownBy(() -> store.ports().transactions().inTransaction(() ->
                    store.ports().taskRuns().recordStart(TaskName.IMPORT_SHOWS, "node", T0)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("inside a transaction");
            assertThat(store.ports().taskRuns().findLatest(TaskName.IMPORT_SHOWS)).isEmpty();
        }
    }

    @Test
    void aLeaseIsClaimedOncePerSlotAndNeverWhileAnotherNodeHoldsIt() {
        Duration lease = Duration.ofMinutes(10);
        Instant slot1 = T0;
        Instant slot2 = T0.plus(Duration.ofMinutes(3));
        assertThat(store.ports().taskLeases().tryClaim(TaskName.UPDATE_RATINGS, slot1, "a", T0, lease)).isTrue();
        assertThat(store.ports().taskLeases().tryClaim(TaskName.UPDATE_RATINGS, slot1, "b", T0, lease)).isFalse();
        assertThat(store.ports().taskLeases().tryClaim(TaskName.UPDATE_RATINGS, slot1, "a", T0, lease)).isFalse();
        // b may not take the next slot while a's lease is live ...
        assertThat(store.ports().taskLeases().tryClaim(TaskName.UPDATE_RATINGS, slot2, "b", slot2, lease)).isFalse();
        // ... but another task is free.
        assertThat(store.ports().taskLeases().tryClaim(TaskName.IMPORT_SHOWS, slot1, "b", T0, lease)).isTrue();
        // Once a releases, b takes the next slot.
        store.ports().taskLeases().release(TaskName.UPDATE_RATINGS, "a");
        assertThat(store.ports().taskLeases().tryClaim(TaskName.UPDATE_RATINGS, slot2, "b", slot2, lease)).isTrue();
        // A dead node's lease expires on its own.
        Instant slot3 = slot2.plus(Duration.ofMinutes(3));
        assertThat(store.ports().taskLeases().tryClaim(TaskName.UPDATE_RATINGS, slot3, "a", slot3, lease)).isFalse();
        Instant afterExpiry = slot2.plus(lease).plusSeconds(1);
        assertThat(store.ports().taskLeases().tryClaim(TaskName.UPDATE_RATINGS, slot3, "a", afterExpiry, lease)).isTrue();
        // Releasing a lease one does not hold does nothing.
        store.ports().taskLeases().release(TaskName.UPDATE_RATINGS, "b");
        Instant slot4 = slot3.plus(Duration.ofMinutes(3));
        assertThat(store.ports().taskLeases().tryClaim(TaskName.UPDATE_RATINGS, slot4, "b", afterExpiry, lease)).isFalse();
    }

    @Test
    void nodesRacingForOneSlotGetExactlyOneClaim() throws Exception {
        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            for (int round = 0; round < 5; round++) {
                Instant slot = T0.plus(Duration.ofHours(round));
                List<Callable<Boolean>> claims = new ArrayList<>();
                for (int n = 0; n < nodes; n++) {
                    String node = "node-" + n;
                    claims.add(() -> store.ports().taskLeases().tryClaim(TaskName.VALIDATE_SOURCES, slot, node, slot,
                            Duration.ofMinutes(30)));
                }
                int winners = 0;
                for (Future<Boolean> claim : pool.invokeAll(claims)) {
                    winners += claim.get() ? 1 : 0;
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
                // Every node has finished its run: the lease is released by whoever holds it.
                for (int n = 0; n < nodes; n++) {
                    store.ports().taskLeases().release(TaskName.VALIDATE_SOURCES, "node-" + n);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hostileSearchesAreLiteralTextAndCursorsThatDoNotFitAreRefusedClearly() {
        store.ports().movies().upsertAll(List.of(movie("1", "Robert'); DROP TABLE movie;--"), movie("2", "Plain")));
        assertThat(search("'); DROP TABLE movie;--")).containsExactly("Robert'); DROP TABLE movie;--");
        assertThat(search("x".repeat(ListQuery.MAX_SEARCH_LENGTH))).isEmpty();
        assertThat(store.ports().queries().listMovies(ListQuery.firstPage()).total()).isEqualTo(2);

        Sort byRating = new Sort(SortField.IMDB_RATING, false);
        io.freecast.catalog.domain.Cursor notANumber = new io.freecast.catalog.domain.Cursor(byRating.wireName(),
                io.freecast.catalog.domain.Cursor.Direction.AFTER, "seven", 1);
        assertThatThrownBy(() -> store.ports().queries().listMovies(new ListQuery(byRating, null, new PageRequest(10, notANumber))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor is malformed");
        Sort byDate = new Sort(SortField.RELEASE_DATE, true);
        io.freecast.catalog.domain.Cursor notADate = new io.freecast.catalog.domain.Cursor(byDate.wireName(),
                io.freecast.catalog.domain.Cursor.Direction.BEFORE, "2020-13-45", 1);
        assertThatThrownBy(() -> store.ports().queries().listMovies(new ListQuery(byDate, null, new PageRequest(10, notADate))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor is malformed");
        store.ports().shows().upsertAll(List.of(show("s", "S", seasons("s", 1, 1))), List.of());
        io.freecast.catalog.domain.Cursor badEpisode = new io.freecast.catalog.domain.Cursor(EpisodeQuery.ORDER,
                io.freecast.catalog.domain.Cursor.Direction.AFTER, "one:two", 1);
        assertThatThrownBy(() -> store.ports().queries().findEpisodes(onlyShowId(), new EpisodeQuery(null,
                new PageRequest(10, badEpisode)))).hasMessageContaining("cursor is malformed");
        assertThatThrownBy(() -> store.ports().queries().listShows(new ListQuery(new Sort(SortField.RELEASE_YEAR, false), null,
                PageRequest.firstPage()))).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- statement counts

    // ---------------------------------------------------------------- helpers

    protected Movie onlyMovie() {
        List<MovieTree> movies = store.ports().queries().listMovies(ListQuery.firstPage()).items();
        assertThat(movies).hasSize(1);
        return movies.getFirst().movie();
    }

    protected long onlyShowId() {
        List<ShowTree> shows = store.ports().queries().listShows(ListQuery.firstPage()).items();
        assertThat(shows).hasSize(1);
        return shows.getFirst().show().id();
    }

    protected Map<String, ShowTree> showsByTitle() {
        Map<String, ShowTree> byTitle = new LinkedHashMap<>();
        store.ports().queries().listShows(new ListQuery(Sort.BY_ID, null, PageRequest.first(500))).items()
                .forEach(t -> byTitle.put(t.show().title(), t));
        return byTitle;
    }

    protected List<Source> episodeSources() {
        return store.ports().queries().findShow(onlyShowId()).orElseThrow().seasons().getFirst().episodes().getFirst().sources();
    }

    protected static List<String> titles(Page<MovieTree> page) {
        return page.items().stream().map(m -> m.movie().title()).toList();
    }

    protected List<String> search(String q) {
        return titles(store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, q, PageRequest.first(500))));
    }

    private List<Long> walkForward(Sort sort, int limit) {
        return PageWalks.forward(limit, request -> store.ports().queries().listMovies(new ListQuery(sort, null, request)))
                .stream().map(m -> m.movie().id()).toList();
    }

    /** Goes to the last page, then back to the first through the previous cursors. */
    private List<Long> walkBackward(Sort sort, int limit) {
        List<Long> ids = PageWalks.backward(limit,
                request -> store.ports().queries().listMovies(new ListQuery(sort, null, request)))
                .stream().map(m -> m.movie().id()).toList();
        assertThat(ids).as("repeated ids").doesNotHaveDuplicates();
        return ids;
    }

    /** The order the catalog promises: the field (unknowns last either way), then id in the same direction. */
    private static Comparator<MovieTree> javaOrder(SortField field, boolean descending) {
        Function<Movie, Comparable<?>> key = switch (field) {
            case ID -> m -> null;
            case TITLE -> m -> new CodePoints(FeedKey.normaliseTitle(m.title()));
            case RELEASE_DATE -> Movie::releaseDate;
            case RELEASE_YEAR -> Movie::releaseYear;
            case IMDB_RATING -> m -> m.imdbRating() == null ? null : m.imdbRating().value();
            case KINOPOISK_RATING -> m -> m.kinopoiskRating() == null ? null : m.kinopoiskRating().value();
        };
        return (a, b) -> {
            @SuppressWarnings("unchecked")
            Comparable<Object> x = (Comparable<Object>) key.apply(a.movie());
            Object y = key.apply(b.movie());
            int byValue;
            if (x == null || y == null) {
                byValue = x == null && y == null ? 0 : x == null ? 1 : -1;   // unknowns last, both ways
            } else {
                byValue = descending ? -x.compareTo(y) : x.compareTo(y);
            }
            if (byValue != 0) {
                return byValue;
            }
            int byId = Long.compare(a.movie().id(), b.movie().id());
            return descending ? -byId : byId;
        };
    }

    /** Strings in code point order: what SQLite's BINARY and PostgreSQL's "C" collation compare by. */
    private record CodePoints(String value) implements Comparable<CodePoints> {
        @Override
        public int compareTo(CodePoints other) {
            return java.util.Arrays.compare(value.codePoints().toArray(), other.value.codePoints().toArray());
        }
    }
}
