package io.freecast.catalog.jdbc.overview;

import static io.freecast.catalog.testing.Drafts.movie;
import static io.freecast.catalog.testing.Drafts.seasons;
import static io.freecast.catalog.testing.Drafts.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.CatalogCounts;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.SourceType;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.port.out.SourceRepository.SourceCheck;
import io.freecast.catalog.testing.Drafts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's counts are the catalog's own, whichever way it was written: imports crossing batch
 * boundaries, re-imports that remove children, hand edits and deletes that cascade, link checks switching
 * sources off and on, plain SQL, and a transaction rolled back. After every step each count equals a
 * {@code count(*)} of its table. (PostgreSQL keeps these counts with triggers, migration V13; SQLite counts.)
 */
abstract class CatalogCountsContract {

    /** More than two import batches ({@code Batches.ROWS} = 500), so batch boundaries are crossed. */
    private static final int MOVIES = 1_100;
    private static final int SHOWS = 520;
    private static final Instant CHECKED = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;
    protected TestDatabase db;
    protected JdbcCatalogStore store;

    protected abstract TestDatabase newDatabase(Path dir);

    @BeforeEach
    void open() {
        db = newDatabase(dir);
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
    void anEmptyCatalogCountsNothing() throws SQLException {
        assertThat(store.overview().counts()).isEqualTo(new CatalogCounts(0, 0, 0, 0, 0, 0));
        assertCountsAreTheTables();
    }

    @Test
    void importsAndReImportsThatAddAndRemoveChildren() throws SQLException {
        importCatalog(2, 2);
        CatalogCounts imported = store.overview().counts();
        assertThat(imported.movies()).isEqualTo(MOVIES);
        assertThat(imported.seasons()).isEqualTo(SHOWS * 2L);
        assertThat(imported.episodes()).isEqualTo(SHOWS * 4L);
        assertThat(imported.sources()).isEqualTo(MOVIES * 2L + SHOWS * 4L);
        assertCountsAreTheTables();

        // Every movie loses a source (a feed's sources replace the stored ones); every show gains a season and
        // episodes, and its first episodes' sources move to new URLs.
        importCatalog(1, 3);
        CatalogCounts reImported = store.overview().counts();
        assertThat(reImported.seasons()).isEqualTo(SHOWS * 3L);
        assertThat(reImported.episodes()).isEqualTo(SHOWS * 9L);
        assertThat(longValue("SELECT count(*) FROM source WHERE movie_id IS NOT NULL")).isEqualTo(MOVIES);
        assertCountsAreTheTables();
    }

    @Test
    void handEditsAndDeletesThatCascade() throws SQLException {
        importCatalog(2, 2);
        var edits = store.ports().handEdits();
        Source first = store.ports().sources().listAfter(0, 1).get(0);
        long added = edits.insertSource(new Source(0, first.owner(), "https://hand.example/added.mp4",
                SourceType.DIRECT, "Hand", false, LinkState.NEVER_CHECKED));
        assertCountsAreTheTables();
        edits.updateSource(new Source(first.id(), first.owner(), first.url(), first.type(), first.provider(), false,
                first.check()));
        assertThat(store.overview().counts().inactiveSources()).isEqualTo(2);
        assertCountsAreTheTables();
        edits.deleteSource(added);
        assertCountsAreTheTables();

        long season = longValue("SELECT min(id) FROM season");
        edits.deleteSeason(season);
        assertCountsAreTheTables();
        edits.deleteEpisode(longValue("SELECT min(id) FROM episode"));
        assertCountsAreTheTables();
        edits.deleteShow(longValue("SELECT max(id) FROM show"));
        edits.deleteMovie(longValue("SELECT max(id) FROM movie"));
        assertCountsAreTheTables();
    }

    @Test
    void linkChecksSwitchingSourcesOffAndOn() throws SQLException {
        importCatalog(1, 2);
        List<Source> sources = store.ports().sources().listAfter(0, 10_000);
        store.ports().sources().saveChecks(sources.stream().filter(s -> s.id() % 3 == 0)
                .map(s -> new SourceCheck(s.id(), false, new LinkState(CHECKED, 404, 1, "404 Not Found"))).toList());
        assertThat(store.overview().counts().inactiveSources()).isEqualTo(sources.stream().filter(s -> s.id() % 3 == 0).count());
        assertCountsAreTheTables();

        // Back on for half of them, and a check that changes nothing.
        store.ports().sources().saveChecks(sources.stream().filter(s -> s.id() % 6 == 0)
                .map(s -> new SourceCheck(s.id(), true, new LinkState(CHECKED, 200, 0, null))).toList());
        store.ports().sources().saveChecks(List.of(new SourceCheck(sources.get(0).id(), sources.get(0).active(),
                new LinkState(CHECKED, 200, 0, null))));
        assertCountsAreTheTables();
    }

    @Test
    void plainSqlWritesAndARolledBackTransaction() throws SQLException {
        importCatalog(1, 2);
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE source SET is_active = " + bool(false) + " WHERE id % 2 = 0");
            statement.executeUpdate("DELETE FROM season WHERE id % 5 = 0");
            statement.executeUpdate("INSERT INTO source (movie_id, url, source_type, provider, is_active)"
                    + " SELECT id, 'https://sql.example/' || id, 'direct', 'SQL', " + bool(false) + " FROM movie WHERE id % 4 = 0");
        }
        assertCountsAreTheTables();
        CatalogCounts before = store.overview().counts();

        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate("DELETE FROM show WHERE id % 2 = 0");
            statement.executeUpdate("UPDATE source SET is_active = " + bool(true));
            connection.rollback();
        }
        assertThat(store.overview().counts()).isEqualTo(before);
        assertCountsAreTheTables();
    }

    /** Imports the catalog's movies with {@code movieSources} each and shows with that many seasons and episodes. */
    protected void importCatalog(int movieSources, int seasonsAndEpisodes) {
        List<MovieDraft> movies = IntStream.range(0, MOVIES).mapToObj(i -> movie("m" + i, "Movie " + i, 7.0, null,
                IntStream.range(0, movieSources).mapToObj(s -> SourceDraft.of("https://cdn.example/m" + i + "/" + s, "P"))
                        .toList())).toList();
        store.ports().movies().upsertAll(movies);
        List<ShowDraft> shows = IntStream.range(0, SHOWS)
                .mapToObj(i -> show("s" + i, "Show " + i, seasons("s" + i, seasonsAndEpisodes, seasonsAndEpisodes)))
                .toList();
        store.ports().shows().upsertAll(shows, Drafts.placeholders());
    }

    protected void assertCountsAreTheTables() throws SQLException {
        CatalogCounts counts = store.overview().counts();
        assertThat(counts).isEqualTo(new CatalogCounts(longValue("SELECT count(*) FROM show"),
                longValue("SELECT count(*) FROM season"), longValue("SELECT count(*) FROM episode"),
                longValue("SELECT count(*) FROM movie"),
                longValue("SELECT count(*) FROM source WHERE is_active = " + bool(true)),
                longValue("SELECT count(*) FROM source WHERE is_active = " + bool(false))));
    }

    protected long longValue(String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A boolean literal as the database writes it. */
    protected String bool(boolean value) {
        return db.kind() == TestDatabase.Kind.SQLITE ? (value ? "1" : "0") : String.valueOf(value);
    }
}
