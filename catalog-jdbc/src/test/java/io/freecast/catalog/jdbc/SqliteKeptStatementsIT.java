package io.freecast.catalog.jdbc;

import static io.freecast.catalog.testing.Drafts.movie;
import static io.freecast.catalog.testing.Drafts.seasons;
import static io.freecast.catalog.testing.Drafts.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.ActiveFilter;
import io.freecast.catalog.domain.EpisodeQuery;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On SQLite the read side keeps its prepared statements per connection. A kept statement must hold no read
 * transaction between reads: the next read on the same connection sees what another connection wrote, and
 * a checkpoint can move the whole write-ahead log into the database file.
 */
class SqliteKeptStatementsIT {

    @TempDir
    Path dir;

    @Test
    void aKeptStatementHoldsNoSnapshotBetweenReads() throws SQLException {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            // One connection: every read below reuses the statements of the one before.
            JdbcCatalogStore store = db.open(b -> b.poolSize(1));
            store.ports().movies().upsertAll(List.of(movie("1", "Before")));
            store.ports().shows().upsertAll(List.of(show("s", "Show", seasons("s", 1, 2))), List.of());
            long movieId = store.ports().queries().listMovies(ListQuery.firstPage()).items().getFirst().movie().id();
            long showId = store.ports().queries().listShows(ListQuery.firstPage()).items().getFirst().show().id();
            readEverything(store, movieId, showId);

            try (Connection other = db.connect(); Statement statement = other.createStatement()) {
                statement.executeUpdate("UPDATE movie SET title = 'After' WHERE id = " + movieId);
                statement.executeUpdate("UPDATE source SET url = 'https://cdn.example/after' WHERE episode_id IS NOT NULL");
                try (ResultSet checkpoint = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    assertThat(checkpoint.next()).isTrue();
                    assertThat(checkpoint.getInt(1)).as("checkpoint blocked by a reader").isZero();
                }
            }

            assertThat(store.ports().queries().findMovie(movieId).orElseThrow().movie().title()).isEqualTo("After");
            assertThat(store.ports().queries().findShow(showId).orElseThrow().seasons().getFirst().episodes().getFirst()
                    .sources().getFirst().url()).isEqualTo("https://cdn.example/after");
            readEverything(store, movieId, showId);
        }
    }

    private static void readEverything(JdbcCatalogStore store, long movieId, long showId) {
        var queries = store.ports().queries();
        queries.listMovies(ListQuery.firstPage());
        queries.listShows(ListQuery.firstPage());
        queries.findMovie(movieId).orElseThrow();
        queries.findMovieSources(movieId, ActiveFilter.ACTIVE_ONLY).orElseThrow();
        queries.findShow(showId).orElseThrow();
        queries.findSeasons(showId).orElseThrow();
        long episodeId = queries.findEpisodes(showId, new EpisodeQuery(null, PageRequest.firstPage())).orElseThrow()
                .items().getFirst().episode().id();
        queries.findEpisodeSources(episodeId, ActiveFilter.ALL).orElseThrow();
    }
}
