package io.freecast.catalog.jdbc.contract;

import static io.freecast.catalog.testing.Drafts.movie;
import static io.freecast.catalog.testing.Drafts.placeholders;
import static io.freecast.catalog.testing.Drafts.seasons;
import static io.freecast.catalog.testing.Drafts.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.domain.EpisodeQuery;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Rejection;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TableSnapshot;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.port.out.UpsertOutcome;
import io.freecast.catalog.testing.contract.StorageContract;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage contract of catalog-core's test fixtures on a real database, plus what only a database has: its
 * schema's constraints and cascades, its identity columns, the rejections table, and how many statements a
 * read or an upsert costs. A subclass names the database; each test gets a fresh, migrated one.
 */
abstract class JdbcStorageContract extends StorageContract {

    @TempDir
    protected Path dir;

    protected TestDatabase db;

    /** A fresh, empty database of the kind under test. */
    protected abstract TestDatabase newDatabase(Path dir);

    @Override
    protected CatalogStore openStore(Clock clock) {
        db = newDatabase(dir);
        return db.open(b -> b.clock(clock));
    }

    /** Every table's rows. */
    @Override
    protected Object contents() {
        return TableSnapshot.of(db);
    }

    @Override
    protected void closeStore() {
        db.close();
    }

    @Test
    void deletingAShowOrAMovieCascadesToEverythingBelow() {
        store.ports().shows().upsertAll(List.of(show("s", "Show", seasons("s", 2, 2)), show("t", "Other", seasons("t", 1, 1))),
                List.of());
        store.ports().movies().upsertAll(List.of(movie("1", "One"), movie("2", "Two")));

        TableSnapshot.execute(db, "DELETE FROM show WHERE feed_key = 'id:s'");
        TableSnapshot.execute(db, "DELETE FROM movie WHERE feed_key = 'id:1'");

        assertThat(TableSnapshot.count(db, "season")).isEqualTo(1);
        assertThat(TableSnapshot.count(db, "episode")).isEqualTo(1);
        assertThat(TableSnapshot.count(db, "source")).isEqualTo(2); // one episode's, one movie's
    }

    @Test
    void newRowsGetIdsNoRowEverHadAndRowsInsertedWithDefaultIdsStillFit() {
        store.ports().shows().upsertAll(List.of(show("s", "Show", seasons("s", 2, 2))), List.of());
        store.ports().movies().upsertAll(List.of(movie("1", "One"), movie("2", "Two")));
        List<String> tables = List.of("show", "season", "episode", "movie", "source");
        Map<String, Long> largestBefore = new LinkedHashMap<>();
        tables.forEach(table -> largestBefore.put(table, idAggregate("max", table)));
        TableSnapshot.execute(db, "DELETE FROM show");
        TableSnapshot.execute(db, "DELETE FROM movie");

        store.ports().shows().upsertAll(List.of(show("t", "Other", seasons("t", 1, 1))), List.of());
        store.ports().movies().upsertAll(List.of(movie("3", "Three")));
        for (String table : tables) {
            assertThat(idAggregate("min", table)).as("the ids of deleted %s rows are not given again", table)
                    .isGreaterThan(largestBefore.get(table));
        }

        // Another writer inserting with the column's default id, then an upsert again: no id is taken twice.
        TableSnapshot.execute(db, "INSERT INTO movie (feed_key, title, title_search, created_at, updated_at) "
                + "VALUES ('id:other', 'Other', 'other', '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
        long otherId = idAggregate("max", "movie");
        assertThat(store.ports().movies().upsertAll(List.of(movie("4", "Four")))).containsExactly(UpsertOutcome.CREATED);
        assertThat(idAggregate("max", "movie")).isGreaterThan(otherId);
        assertThat(TableSnapshot.count(db, "movie")).isEqualTo(3);
    }

    @Test
    void aSourceHasExactlyOneOwnerAndAKnownType() {
        store.ports().movies().upsertAll(List.of(movie("1", "One")));
        long movieId = onlyMovie().id();
        assertThatThrownBy(() -> TableSnapshot.execute(db,
                "INSERT INTO source (url, source_type, is_active, consecutive_failures) VALUES ('https://x.example/a', 'direct', TRUE, 0)"))
                .hasMessageContaining("ck_source_one_owner");
        assertThatThrownBy(() -> TableSnapshot.execute(db,
                "INSERT INTO source (movie_id, url, source_type, is_active, consecutive_failures) VALUES (" + movieId
                        + ", 'https://x.example/b', 'torrent', TRUE, 0)"))
                .hasMessageContaining("ck_source_type");
    }

    @Test
    void aRunKeepsItsFirstThousandRejectionsButCountsThemAll() {
        long id = store.ports().taskRuns().recordStart(TaskName.IMPORT_MOVIES, "node", T0);
        List<Rejection> rejections = IntStream.range(0, 1500).mapToObj(i -> new Rejection(i, "id" + i, "bad item " + i))
                .toList();
        store.ports().taskRuns().recordFinish(id, TaskReport.succeeded(TaskName.IMPORT_MOVIES, T0, T0.plusSeconds(1),
                Map.of("rejected", 1500L), rejections, List.of("only the first 1000 rejections are kept")));
        assertThat(TableSnapshot.count(db, "task_run_rejection")).isEqualTo(1000);
        assertThat(store.ports().taskRuns().findLatest(TaskName.IMPORT_MOVIES).orElseThrow().counts()).containsEntry("rejected", 1500L);
    }

    @Test
    void readsTakeTheSameNumberOfStatementsForOneSeasonOrFifty() {
        java.util.concurrent.atomic.AtomicInteger statements = new java.util.concurrent.atomic.AtomicInteger();
        JdbcCatalogStore counted = db.open(b -> b.clock(clock).onStatement(sql -> statements.incrementAndGet()));
        counted.ports().shows().upsertAll(List.of(show("small", "Small", seasons("small", 1, 2))), List.of());
        counted.ports().shows().upsertAll(List.of(show("big", "Big", seasons("big", 50, 10))), List.of());
        counted.ports().movies().upsertAll(List.of(movie("one", "One source"), movie("many", "Many sources", null, null,
                IntStream.range(0, 40).mapToObj(i -> SourceDraft.of("https://cdn.example/many/" + i, null)).toList())));
        Map<String, ShowTree> shows = showsByTitle();
        long small = shows.get("Small").show().id();
        long big = shows.get("Big").show().id();
        Map<String, Long> movies = new LinkedHashMap<>();
        store.ports().queries().listMovies(ListQuery.firstPage()).items().forEach(m -> movies.put(m.movie().title(), m.movie().id()));

        Function<Runnable, Integer> count = call -> {
            statements.set(0);
            call.run();
            return statements.get();
        };
        var queries = counted.ports().queries();
        EpisodeQuery allEpisodes = new EpisodeQuery(null, PageRequest.first(500));
        assertThat(count.apply(() -> queries.findShow(small))).isEqualTo(count.apply(() -> queries.findShow(big)))
                .isEqualTo(1);
        assertThat(count.apply(() -> queries.findSeasons(small))).isEqualTo(count.apply(() -> queries.findSeasons(big)))
                .isEqualTo(1);
        // A page of episodes with their sources: one statement (the show, the count, the page and its sources).
        assertThat(count.apply(() -> queries.findEpisodes(small, allEpisodes)))
                .isEqualTo(count.apply(() -> queries.findEpisodes(big, allEpisodes))).isEqualTo(1);
        assertThat(count.apply(() -> queries.findEpisodes(big + 1000, allEpisodes))).as("no such show").isEqualTo(1);
        assertThat(count.apply(() -> queries.findMovie(movies.get("One source"))))
                .isEqualTo(count.apply(() -> queries.findMovie(movies.get("Many sources")))).isEqualTo(1);

        ListQuery onlySmall = new ListQuery(Sort.BY_ID, "small", PageRequest.first(10));
        ListQuery onlyBig = new ListQuery(Sort.BY_ID, "big", PageRequest.first(10));
        // A page: its rows, the children of those rows, its total.
        assertThat(count.apply(() -> queries.listShows(onlySmall))).isEqualTo(count.apply(() -> queries.listShows(onlyBig)))
                .isEqualTo(3);
        assertThat(count.apply(() -> queries.listShows(ListQuery.firstPage()))).isEqualTo(3);
        assertThat(count.apply(() -> queries.listMovies(ListQuery.firstPage()))).isEqualTo(3);
        ListQuery noMatch = new ListQuery(Sort.BY_ID, "no such title", PageRequest.first(10));
        assertThat(count.apply(() -> queries.listMovies(noMatch))).as("an empty page: no children to read").isEqualTo(2);
        assertThat(count.apply(() -> queries.listShows(noMatch))).isEqualTo(2);
    }

    @Test
    void anUpsertBatchTakesABoundedNumberOfStatementsWhateverItsSize() {
        java.util.concurrent.atomic.AtomicInteger statements = new java.util.concurrent.atomic.AtomicInteger();
        JdbcCatalogStore counted = db.open(b -> b.clock(clock).onStatement(sql -> statements.incrementAndGet()));
        List<ShowDraft> shows = IntStream.range(0, 300).mapToObj(i -> show("s" + i, "Show " + i, List.of())).toList();
        List<MovieDraft> movies = IntStream.range(0, 400).mapToObj(i -> movie("m" + i, "Movie " + i)).toList();

        counted.ports().shows().upsertAll(shows, placeholders());   // 300 shows, 600 seasons, 1,200 episodes and sources
        int showInserts = statements.getAndSet(0);
        counted.ports().movies().upsertAll(movies);
        int movieInserts = statements.getAndSet(0);
        counted.ports().shows().upsertAll(shows, placeholders());
        int showReimport = statements.getAndSet(0);
        counted.ports().movies().upsertAll(movies);
        int movieReimport = statements.getAndSet(0);

        assertThat(showInserts).as("first import of 300 shows").isLessThanOrEqualTo(16);
        assertThat(movieInserts).as("first import of 400 movies").isLessThanOrEqualTo(8);
        assertThat(showReimport).as("unchanged re-import of 300 shows: the loads only").isLessThanOrEqualTo(4);
        assertThat(movieReimport).as("unchanged re-import of 400 movies: the loads only").isLessThanOrEqualTo(2);
    }

    /** {@code min} or {@code max} of a table's ids, read with plain JDBC. */
    private long idAggregate(String aggregate, String table) {
        try (var connection = db.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT " + aggregate + "(id) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
