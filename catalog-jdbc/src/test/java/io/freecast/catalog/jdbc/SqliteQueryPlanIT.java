package io.freecast.catalog.jdbc;

import static io.freecast.catalog.testing.Drafts.movie;
import static io.freecast.catalog.testing.Drafts.seasons;
import static io.freecast.catalog.testing.Drafts.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.ActiveFilter;
import io.freecast.catalog.domain.EpisodeQuery;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.testing.Drafts;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "No query scans a table per row": every statement the read side, the upserts and the tasks' walks
 * run is explained by SQLite, and no plan may scan one of the catalog's tables without an index.
 */
class SqliteQueryPlanIT {

    private static final Set<String> TABLES = Set.of("show", "season", "episode", "movie", "source", "task_run",
            "task_run_count", "task_lease");

    @TempDir
    Path dir;

    @Test
    void everyStatementUsesAnIndex() throws SQLException {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            Set<String> statements = new LinkedHashSet<>();
            JdbcCatalogStore store = db.open(b -> b.onStatement(statements::add));
            var shows = List.of(show("s1", "One", seasons("s1", 2, 2)), show("s2", "Two", List.of()));
            var movies = IntStream.range(0, 5).mapToObj(i -> movie("m" + i, "M" + i)).toList();
            store.ports().shows().upsertAll(shows, Drafts.placeholders());
            store.ports().shows().upsertAll(shows, Drafts.placeholders());
            store.ports().movies().upsertAll(movies);
            store.ports().movies().upsertAll(movies);
            long showId = store.ports().queries().listShows(ListQuery.firstPage()).items().getFirst().show().id();
            for (SortField field : SortField.forMovies()) {
                var page = store.ports().queries().listMovies(new ListQuery(new Sort(field, true), "m", PageRequest.first(2)));
                store.ports().queries().listMovies(new ListQuery(new Sort(field, true), null, new PageRequest(2, page.next())));
            }
            store.ports().queries().listShows(new ListQuery(new Sort(SortField.TITLE, false), null, PageRequest.first(1)));
            store.ports().queries().findShow(showId);
            store.ports().queries().findSeasons(showId);
            var episodes = store.ports().queries().findEpisodes(showId, new EpisodeQuery(1, PageRequest.first(1))).orElseThrow();
            store.ports().queries().findEpisodes(showId, new EpisodeQuery(null, new PageRequest(1, episodes.next())));
            store.ports().queries().findEpisodeSources(episodes.items().getFirst().episode().id(), ActiveFilter.ACTIVE_ONLY);
            store.ports().queries().findMovieSources(1, ActiveFilter.ALL);
            for (var filters : List.of(java.util.EnumSet.of(io.freecast.catalog.domain.TitleFilter.INACTIVE_SOURCES),
                    java.util.EnumSet.allOf(io.freecast.catalog.domain.TitleFilter.class))) {
                store.overview().listMovies(new ListQuery(new Sort(SortField.TITLE, false), null, PageRequest.first(2)), filters);
                store.overview().listShows(new ListQuery(new Sort(SortField.IMDB_RATING, true), "o", PageRequest.first(2)), filters);
            }
            store.overview().counts();
            var dead = store.overview().listDeadLinks(PageRequest.first(1));
            store.overview().findRun(1);
            store.ports().ratings().listDue(Instant.now(), null, 10);
            store.ports().sources().listAfter(0, 10);
            var due = store.ports().sources().listDue(Instant.now(), io.freecast.catalog.port.out.SourceRepository.CheckCursor.START, 2);
            store.ports().sources().listDue(Instant.now(), due.getLast().cursor(), 2);
            store.ports().sources().countDue(Instant.now(), due.getLast().cursor());
            long run = store.ports().taskRuns().recordStart(TaskName.IMPORT_SHOWS, "n", Instant.now());
            store.ports().taskRuns().listRuns(TaskName.IMPORT_SHOWS, PageRequest.first(5));
            store.ports().taskRuns().findLatest(TaskName.IMPORT_SHOWS);
            store.ports().taskLeases().tryClaim(TaskName.IMPORT_SHOWS, Instant.now(), "n", Instant.now(), java.time.Duration.ofMinutes(1));
            assertThat(run).isPositive();

            List<String> scans = new ArrayList<>();
            try (Connection connection = db.connect()) {
                for (String sql : statements) {
                    if (!sql.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("select")) {
                        continue;
                    }
                    try (PreparedStatement explain = connection.prepareStatement("explain query plan " + sql);
                         ResultSet plan = explain.executeQuery()) {
                        while (plan.next()) {
                            String step = plan.getString("detail");
                            if (fullScan(step, sql)) {
                                scans.add(step + "   <-   " + sql);
                            }
                        }
                    }
                }
            }
            assertThat(statements).hasSizeGreaterThan(20);
            assertThat(scans).as("table scans without an index").isEmpty();
        }
    }

    /**
     * The admin's "has inactive sources" filter asks of each title whether one of its sources is off: through the
     * partial indexes of inactive sources by owner (V14), never by walking every inactive source of the catalog
     * through {@code ix_source_inactive (is_active, id)} for each title, as it did before them (a page took 9 s at
     * 1,000,000 movies with 2% of their sources inactive, its count more than 10 minutes).
     */
    @Test
    void theInactiveSourcesFilterLooksUpEachTitlesInactiveSourcesByOwner() throws SQLException {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            Set<String> statements = new LinkedHashSet<>();
            JdbcCatalogStore store = db.open(b -> b.onStatement(statements::add));
            store.ports().shows().upsertAll(List.of(show("s1", "One", seasons("s1", 2, 2))), Drafts.placeholders());
            store.ports().movies().upsertAll(IntStream.range(0, 5).mapToObj(i -> movie("m" + i, "M" + i)).toList());
            statements.clear();
            var inactive = java.util.EnumSet.of(io.freecast.catalog.domain.TitleFilter.INACTIVE_SOURCES);
            for (Sort sort : List.of(Sort.BY_ID, new Sort(SortField.TITLE, false))) {
                store.overview().listMovies(new ListQuery(sort, null, PageRequest.first(2)), inactive);
                store.overview().listShows(new ListQuery(sort, "one", PageRequest.first(2)), inactive);
            }

            List<String> steps = plans(statements, db, sql -> sql.contains("is_active"));
            assertThat(statements).as("pages of both lists in two orders, and their totals").hasSizeGreaterThanOrEqualTo(6);
            assertThat(steps).anyMatch(step -> step.contains("ix_source_inactive_movie (movie_id=?)"))
                    .anyMatch(step -> step.contains("ix_source_inactive_episode (episode_id=?)"))
                    .noneMatch(step -> step.contains("ix_source_inactive (") || step.startsWith("SCAN source"));
        }
    }

    /**
     * With few inactive sources (under 5,000 of a kind), "has inactive sources" starts from them, through V14's
     * partial index, and looks their titles up by id: no walk of the list, which with 3 inactive sources among
     * 1,000,000 movies read them all for a page (0.1 s; 0.5–0.8 s for 100,000 shows). With many, each title of
     * the list's order is asked, which finds a page's titles soonest. Of two filters that few titles match, the
     * one whose index holds fewer entries is read. (The totals' statements are checked by the test above: no plan
     * reads {@code ix_source_inactive (is_active, id)}, which holds both kinds of source.)
     */
    @Test
    void fewInactiveSourcesAreReadFirstAndManyAreAskedOfEachTitle() throws SQLException {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            List<String> statements = new ArrayList<>();
            JdbcCatalogStore store = db.open(b -> b.onStatement(statements::add));
            store.ports().movies().upsertAll(IntStream.range(0, 5_000).mapToObj(i -> movie("m" + i, "M" + i, 7.0, null,
                    List.of(io.freecast.catalog.domain.SourceDraft.of("https://cdn.example/m" + i + ".mp4", "P")))).toList());
            store.ports().shows().upsertAll(IntStream.range(0, 1_250).mapToObj(i -> show("s" + i, "S" + i, seasons("s" + i, 2, 2)))
                    .toList(), Drafts.placeholders());

            switchOff(store, 10);
            var inactive = java.util.EnumSet.of(io.freecast.catalog.domain.TitleFilter.INACTIVE_SOURCES);
            List<String> few = filteredPagePlans(store, statements, db, inactive);
            assertThat(few).anyMatch(step -> step.contains("ix_source_inactive_movie (movie_id>?)"))
                    .anyMatch(step -> step.contains("ix_source_inactive_episode (episode_id>?)"))
                    .anyMatch(step -> step.startsWith("SEARCH movie USING INTEGER PRIMARY KEY"))
                    .anyMatch(step -> step.startsWith("SEARCH show USING INTEGER PRIMARY KEY"))
                    .noneMatch(step -> step.startsWith("SCAN movie") || step.startsWith("SCAN show"));

            // Of two filters with few entries, the fewer: no title is locked.
            var inactiveOrLocked = java.util.EnumSet.of(io.freecast.catalog.domain.TitleFilter.INACTIVE_SOURCES,
                    io.freecast.catalog.domain.TitleFilter.LOCKED_FIELDS);
            assertThat(filteredPagePlans(store, statements, db, inactiveOrLocked))
                    .anyMatch(step -> step.contains("ix_movie_locked")).anyMatch(step -> step.contains("ix_show_locked"))
                    .noneMatch(step -> step.contains("movie_id>?") || step.contains("episode_id>?"));

            switchOff(store, 10_000);
            List<String> many = filteredPagePlans(store, statements, db, inactive);
            assertThat(many).anyMatch(step -> step.contains("ix_source_inactive_movie (movie_id=?)"))
                    .anyMatch(step -> step.contains("ix_source_inactive_episode (episode_id=?)"))
                    .noneMatch(step -> step.contains("movie_id>?") || step.contains("episode_id>?"));
        }
    }

    /**
     * "Rating unknown" that few titles match is read from the IMDb rating's index; that many titles match walks the
     * list's order, each title asked, and reads neither rating's index: SQLite had read them through one and sorted
     * every unrated title for each page (71,000 of 1,000,000 movies: 0.12 s a page in title order, 2 ms walking).
     */
    @Test
    void ratingUnknownIsReadFromTheRatingIndexWhenFewAndWalkedInListOrderWhenMany() throws SQLException {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            List<String> statements = new ArrayList<>();
            JdbcCatalogStore store = db.open(b -> b.onStatement(statements::add));
            var unknown = java.util.EnumSet.of(io.freecast.catalog.domain.TitleFilter.RATING_UNKNOWN);
            store.ports().movies().upsertAll(IntStream.range(0, 10).mapToObj(i -> movie("u" + i, "U" + i)).toList());
            assertThat(moviePagePlan(store, statements, db, unknown))
                    .anyMatch(step -> step.contains("ix_movie_imdb_rating (imdb_rating=?)"))
                    .anyMatch(step -> step.startsWith("SEARCH movie USING INTEGER PRIMARY KEY"))
                    .noneMatch(step -> step.startsWith("SCAN movie"));

            store.ports().movies().upsertAll(IntStream.range(10, 5_010).mapToObj(i -> movie("u" + i, "U" + i)).toList());
            assertThat(moviePagePlan(store, statements, db, unknown))
                    .anyMatch(step -> step.startsWith("SCAN movie USING INDEX ix_movie_title_search"))
                    .noneMatch(step -> step.contains("imdb_rating") || step.contains("kinopoisk_rating"));
        }
    }

    /**
     * Few dead links (their count under the cap) are read through the indexes of inactive and of failing sources and
     * sorted, on every page: in id order SQLite walked every source for a page (0.37 s with 3 dead links among 6.5
     * million sources). More than the cap: the walk in id order, which finds a page soonest.
     */
    @Test
    void fewDeadLinksAreReadThroughTheirIndexesAndManyInIdOrder() throws SQLException {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            List<String> statements = new ArrayList<>();
            JdbcCatalogStore store = db.open(b -> b.onStatement(statements::add));
            store.ports().movies().upsertAll(IntStream.range(0, 1_100).mapToObj(i -> movie("m" + i, "M" + i)).toList());
            switchOff(store, 10);
            assertThat(deadLinkPagePlans(store, statements, db)).anyMatch(step -> step.startsWith("MULTI-INDEX OR"))
                    .noneMatch(step -> step.startsWith("SCAN source") || step.contains("(rowid>?)")
                            || step.contains("(rowid<?)"));

            switchOff(store, 1_100);
            assertThat(deadLinkPagePlans(store, statements, db))
                    .anyMatch(step -> step.startsWith("SCAN source") || step.contains("(rowid>?)"))
                    .noneMatch(step -> step.startsWith("MULTI-INDEX OR") || step.contains("TEMP B-TREE"));
        }
    }

    /** The plans of the dead links' page statements: a first page, a page after it, a page before that one. */
    private static List<String> deadLinkPagePlans(JdbcCatalogStore store, List<String> statements, TestDatabase db)
            throws SQLException {
        statements.clear();
        var first = store.overview().listDeadLinks(PageRequest.first(3));
        var second = store.overview().listDeadLinks(new PageRequest(3, first.next()));
        assertThat(store.overview().listDeadLinks(new PageRequest(3, second.previous())).items()).isEqualTo(first.items());
        return pagePlans(statements, db);
    }

    /** The plan of the page statement of the movies with these filters, in title order. */
    private static List<String> moviePagePlan(JdbcCatalogStore store, List<String> statements, TestDatabase db,
                                              java.util.Set<io.freecast.catalog.domain.TitleFilter> filters)
            throws SQLException {
        statements.clear();
        assertThat(store.overview().listMovies(new ListQuery(new Sort(SortField.TITLE, false), null, PageRequest.first(20)),
                filters).items()).isNotEmpty();
        return pagePlans(statements, db);
    }

    /** The plans of the statements run that read a page (they have an {@code order by}; the totals do not). */
    private static List<String> pagePlans(List<String> statements, TestDatabase db) throws SQLException {
        return plans(statements, db, sql -> sql.contains("order by"));
    }

    /** The steps of the plans of the statements that {@code which} picks. */
    private static List<String> plans(java.util.Collection<String> statements, TestDatabase db,
                                      java.util.function.Predicate<String> which) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (Connection connection = db.connect()) {
            for (String sql : statements) {
                if (which.test(sql)) {
                    steps.addAll(io.freecast.catalog.jdbc.testing.SqlitePlans.steps(connection, sql));
                }
            }
        }
        return steps;
    }

    /** Switches off the first {@code count} sources of each kind (a 404). */
    private static void switchOff(JdbcCatalogStore store, int count) {
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        var sources = store.ports().sources().listAfter(0, 20_000);
        var checks = java.util.stream.Stream.concat(
                sources.stream().filter(s -> s.owner() instanceof io.freecast.catalog.domain.SourceOwner.OfMovie).limit(count),
                sources.stream().filter(s -> s.owner() instanceof io.freecast.catalog.domain.SourceOwner.OfEpisode).limit(count))
                .map(s -> new io.freecast.catalog.port.out.SourceRepository.SourceCheck(s.id(), false,
                        new io.freecast.catalog.domain.LinkState(at, 404, 0, "404 Not Found")))
                .toList();
        store.ports().sources().saveChecks(checks);
    }

    /** The plans of the page statements of both lists with these filters, in title order. */
    private static List<String> filteredPagePlans(JdbcCatalogStore store, List<String> statements, TestDatabase db,
                                                  java.util.Set<io.freecast.catalog.domain.TitleFilter> filters)
            throws SQLException {
        statements.clear();
        ListQuery byTitle = new ListQuery(new Sort(SortField.TITLE, false), null, PageRequest.first(20));
        store.overview().listMovies(byTitle, filters);
        store.overview().listShows(byTitle, filters);
        return pagePlans(statements, db);
    }

    /**
     * {@code SCAN show} is a full scan; {@code SCAN show USING INDEX …} walks an index in order. A page in
     * id order is a walk of the primary key (SQLite's rowid, shown as a plain SCAN) that stops at its
     * limit, so it counts as indexed. (A title search {@code LIKE '%q%'} walks that order too: a
     * substring cannot be looked up in a b-tree.)
     */
    private static boolean fullScan(String step, String sql) {
        if (!step.startsWith("SCAN ") || step.contains(" USING ")) {
            return false;
        }
        String table = step.substring(5).split(" ")[0].replace("`", "").replace("\"", "");
        String idOrderedPage = "order by `" + table + "`.`id` (asc|desc) limit \\?$";
        return TABLES.contains(table) && !java.util.regex.Pattern.compile(idOrderedPage).matcher(sql).find();
    }
}
