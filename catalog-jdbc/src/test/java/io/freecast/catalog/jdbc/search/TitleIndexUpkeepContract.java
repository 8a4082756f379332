package io.freecast.catalog.jdbc.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.testing.Drafts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The title search index and {@code title_count} stay exactly in step with the catalog whichever way titles
 * are written: an import indexes and counts its new titles once per batch (V11), the triggers everything else
 * (renames, deletes, single inserts). After every step the index holds exactly the catalog's ids, each title
 * is found by its own text, and {@code title_count.total} is {@code count(*)} — for movies and shows.
 */
abstract class TitleIndexUpkeepContract {

    /** More than two import batches ({@code Batches.ROWS} = 500), so batch boundaries are crossed. */
    private static final int MOVIES = 1_200;
    private static final int SHOWS = 700;

    @TempDir
    Path dir;
    private TestDatabase db;
    private JdbcCatalogStore store;

    abstract TestDatabase database(Path dir);

    /** The ids the list's title index finds for a normalised title text (3 characters or more). */
    abstract Set<Long> found(Connection connection, String kind, String titleSearch) throws SQLException;

    /** The ids of every entry the list's title index holds. */
    abstract Set<Long> indexedIds(Connection connection, String kind) throws SQLException;

    @BeforeEach
    void open() {
        db = database(dir);
        store = db.open();
    }

    @AfterEach
    void close() {
        // Null when the database could not be had: the PostgreSQL case is skipped without its URL.
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aFreshImportIndexesAndCountsEveryNewTitle() throws SQLException {
        long changesBefore = changes("movie");

        importCatalog("Film", "Series");

        assertInStep(MOVIES, SHOWS);
        assertThat(changes("movie")).as("searches' carried counts must see the import").isGreaterThan(changesBefore);
        assertThat(idsFound("movie", "Film 1199 Gold")).hasSize(1);
        assertThat(idsFound("show", "Series 699 Gold")).hasSize(1);
    }

    @Test
    void aReImportWithRenamesAndNewTitlesKeepsTheIndexExact() throws SQLException {
        importCatalog("Film", "Series");
        long changesBefore = changes("movie");

        List<MovieDraft> movies = IntStream.range(0, MOVIES + 300)
                .mapToObj(i -> Drafts.movie("m" + i, (i % 3 == 0 ? "Renamed Picture " : "Film ") + i + " Gold"))
                .toList();
        store.ports().movies().upsertAll(movies);
        List<ShowDraft> shows = IntStream.range(0, SHOWS + 200)
                .mapToObj(i -> Drafts.show("s" + i, (i % 4 == 0 ? "Renamed Serial " : "Series ") + i + " Gold", List.of()))
                .toList();
        store.ports().shows().upsertAll(shows, List.of());

        assertInStep(MOVIES + 300, SHOWS + 200);
        assertThat(changes("movie")).isGreaterThan(changesBefore);
        assertThat(idsFound("movie", "Renamed Picture 3 Gold")).hasSize(1);
        assertThat(idsFound("movie", "Film 3 Gold")).as("the old title of a renamed movie").isEmpty();
        assertThat(idsFound("movie", "Film 1450 Gold")).as("a new movie of the re-import").hasSize(1);
        assertThat(idsFound("show", "Renamed Serial 4 Gold")).hasSize(1);
        assertThat(idsFound("show", "Series 4 Gold")).as("the old title of a renamed show").isEmpty();
        assertThat(idsFound("show", "Series 850 Gold")).as("a new show of the re-import").hasSize(1);
    }

    @Test
    void deletesAndSingleInsertsOutsideAnImportGoThroughTheTriggers() throws SQLException {
        importCatalog("Film", "Series");
        long movieId = idsFound("movie", "Film 10 Gold").iterator().next();
        long showId = idsFound("show", "Series 10 Gold").iterator().next();

        store.ports().handEdits().deleteMovie(movieId);
        store.ports().handEdits().deleteShow(showId);
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO movie (feed_key, title, title_search, created_at, updated_at)"
                    + " VALUES ('hand:1', 'Made By Hand', 'made by hand', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            statement.executeUpdate("INSERT INTO show (feed_key, title, title_search, created_at, updated_at)"
                    + " VALUES ('hand:2', 'Typed In', 'typed in', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }

        assertInStep(MOVIES, SHOWS);
        assertThat(idsFound("movie", "Film 10 Gold")).as("the deleted movie").isEmpty();
        assertThat(idsFound("show", "Series 10 Gold")).as("the deleted show").isEmpty();
        assertThat(idsFound("movie", "Made By Hand")).hasSize(1);
        assertThat(idsFound("show", "Typed In")).hasSize(1);
    }

    @Test
    void anImportThatFailsHalfWayLeavesIndexAndCountsAsTheyWere() throws SQLException {
        importCatalog("Film", "Series");

        assertThatThrownBy(() -> store.ports().transactions().inTransaction(() -> {
            store.ports().movies().upsertAll(IntStream.range(0, MOVIES + 700)
                    .mapToObj(i -> Drafts.movie("m" + i, "Doomed " + i + " Gold")).toList());
            store.ports().shows().upsertAll(IntStream.range(0, SHOWS + 600)
                    .mapToObj(i -> Drafts.show("s" + i, "Doomed Serial " + i + " Gold", List.of())).toList(), List.of());
            throw new IllegalStateException("the feed broke off half-way");
        })).hasMessage("the feed broke off half-way");

        assertInStep(MOVIES, SHOWS);
        assertThat(idsFound("movie", "Doomed 1500 Gold")).isEmpty();
        assertThat(idsFound("movie", "Doomed 1 Gold")).isEmpty();
        assertThat(idsFound("show", "Doomed Serial 1 Gold")).isEmpty();
        assertThat(idsFound("movie", "Film 1 Gold")).hasSize(1);

        // and what the failed import left behind does not hide the next writes from the triggers
        store.ports().movies().upsertAll(List.of(Drafts.movie("after", "After The Failure")));
        assertInStep(MOVIES + 1, SHOWS);
        assertThat(idsFound("movie", "After The Failure")).hasSize(1);
    }

    private void importCatalog(String movieTitle, String showTitle) {
        store.ports().movies().upsertAll(IntStream.range(0, MOVIES)
                .mapToObj(i -> Drafts.movie("m" + i, movieTitle + " " + i + " Gold")).toList());
        store.ports().shows().upsertAll(IntStream.range(0, SHOWS)
                .mapToObj(i -> Drafts.show("s" + i, showTitle + " " + i + " Gold", Drafts.seasons("s" + i, 1, 2)))
                .toList(), List.of());
    }

    private Set<Long> idsFound(String kind, String title) throws SQLException {
        try (Connection connection = db.connect()) {
            String text = FeedKey.normaliseTitle(title);
            Map<Long, String> rows = titles(connection, kind);
            // the index finds by substring: keep the rows whose whole title is this one
            return Set.copyOf(found(connection, kind, text).stream().filter(id -> text.equals(rows.get(id))).toList());
        }
    }

    /** The catalog's titles of both lists against their index and their count. */
    private void assertInStep(int movies, int shows) throws SQLException {
        try (Connection connection = db.connect()) {
            for (var list : Map.of("movie", movies, "show", shows).entrySet()) {
                String kind = list.getKey();
                Map<Long, String> rows = titles(connection, kind);
                assertThat(rows).as("%s rows", kind).hasSize(list.getValue());
                assertThat(total(connection, kind)).as("title_count.total of %s", kind).isEqualTo(rows.size());
                assertThat(indexedIds(connection, kind)).as("the ids in the %s title index", kind)
                        .containsExactlyInAnyOrderElementsOf(rows.keySet());
                for (Map.Entry<Long, String> row : rows.entrySet()) {
                    assertThat(found(connection, kind, row.getValue())).as("%s %s found by its title '%s'", kind,
                            row.getKey(), row.getValue()).contains(row.getKey());
                }
            }
        }
    }

    private static Map<Long, String> titles(Connection connection, String kind) throws SQLException {
        Map<Long, String> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, title_search FROM " + kind);
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.put(result.getLong(1), result.getString(2));
            }
        }
        return rows;
    }

    private static long total(Connection connection, String kind) throws SQLException {
        return titleCount(connection, kind, "total");
    }

    private long changes(String kind) throws SQLException {
        try (Connection connection = db.connect()) {
            return titleCount(connection, kind, "changes");
        }
    }

    private static long titleCount(Connection connection, String kind, String column) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + column + " FROM title_count WHERE kind = ?")) {
            select.setString(1, kind);
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getLong(1);
            }
        }
    }

    static Set<Long> ids(PreparedStatement select) throws SQLException {
        java.util.HashSet<Long> ids = new java.util.HashSet<>();
        try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
                ids.add(result.getLong(1));
            }
        }
        return ids;
    }
}
