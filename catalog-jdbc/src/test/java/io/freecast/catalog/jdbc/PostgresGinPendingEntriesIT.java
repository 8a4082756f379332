package io.freecast.catalog.jdbc;

import static io.freecast.catalog.testing.Drafts.movie;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.in.ImportMoviesUseCase.ImportMoviesCommand;
import io.freecast.catalog.testing.InMemoryFeedReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After an import, PostgreSQL's title search indexes hold no pending entries: the store merges their GIN pending
 * lists once the import has committed, so a search reads the index's pages for its trigrams and not every entry
 * written since the last merge (up to 4 MB, read in full by every search). Read from the server with
 * {@code gin_clean_pending_list}, which returns how many pending pages it merged — so it is each test's last look.
 */
class PostgresGinPendingEntriesIT {

    private static final FeedLocation MOVIES = FeedLocation.parse("movies.json");

    private TestDatabase db;
    private JdbcCatalogStore store;
    private Catalog catalog;
    private final InMemoryFeedReader feeds = new InMemoryFeedReader();

    @BeforeEach
    void open() {
        db = TestDatabases.postgres();
        store = db.open();
        catalog = Catalog.builder().storage(store).feedReader(feeds).build();
    }

    @AfterEach
    void close() {
        if (catalog != null) {
            catalog.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void anImportLeavesNoPendingEntries() throws SQLException {
        TaskReport report = importMovies(drafts("feed", 2_000));

        assertThat(report.notes()).noneMatch(note -> note.contains("pending entries"));
        assertThat(titlesFound("feed 1999")).isEqualTo(1);
        assertThat(pendingPagesOfMovieIndexes()).isZero();
    }

    /**
     * Entries written outside an import (an edit, a rating: a new version of the row) wait in the pending list,
     * which V16 keeps to 256 kB per index (32 pages of 8 kB) instead of PostgreSQL's 4 MB.
     */
    @Test
    void titlesWrittenOutsideAnImportWaitInAPendingListOfAt256KilobytesPerIndex() throws SQLException {
        store.ports().movies().upsertAll(drafts("manual", 5_000));

        assertThat(titlesFound("manual 4999")).isEqualTo(1);
        assertThat(pendingListLimits()).as("kB, per GIN index of the titles")
                .containsOnly("gin_pending_list_limit=256").hasSize(4);
        assertThat(pendingPagesOfMovieIndexes()).as("what the next import merges (none of it merged on its own)")
                .isPositive()
                .isLessThanOrEqualTo(2 * 33);
    }

    @Test
    void theNextImportMergesWhatWasWrittenBeforeIt() throws SQLException {
        store.ports().movies().upsertAll(drafts("manual", 2_000));

        importMovies(drafts("feed", 10));

        assertThat(titlesFound("manual 1999")).as("the merged titles are still found").isEqualTo(1);
        assertThat(titlesFound("feed 9")).isEqualTo(1);
        assertThat(pendingPagesOfMovieIndexes()).isZero();
    }

    /**
     * Only an index's owner (or a superuser) may merge its pending list. A store whose login may write the catalog
     * but owns none of it imports as usual, and its report says the merge was not done and what that costs.
     */
    @Test
    void anImportByALoginThatDoesNotOwnTheIndexesIsKeptAndSaysTheyWereNotMerged() throws SQLException {
        String login = "catalog_writer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = db.connect(); Statement statement = admin.createStatement()) {
            String schema = admin.getSchema();
            statement.execute("CREATE ROLE " + login + " LOGIN NOSUPERUSER");
            statement.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + login);
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + login);
            statement.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + login);
        }
        try (JdbcCatalogStore writer = JdbcCatalogStore.builder(withUser(db.url(), login)).migrateOnOpen(false).open();
             Catalog writing = Catalog.builder().storage(writer).feedReader(feeds).build()) {
            feeds.movies(MOVIES, InMemoryFeedReader.movieItems(drafts("feed", 2_000)));

            TaskReport report = writing.importMovies(new ImportMoviesCommand(MOVIES));

            assertThat(report.succeeded()).as(report.error()).isTrue();
            assertThat(report.counts()).containsEntry("created", 2_000L);
            assertThat(report.notes()).anySatisfy(note -> assertThat(note)
                    .startsWith("the title search indexes' pending entries were not merged after this import (the "
                            + "import is kept; until autovacuum's VACUUM merges them, every search reads them): ")
                    .contains("must be owner of"));
            assertThat(writer.ports().queries().listMovies(new ListQuery(Sort.BY_ID, "feed 1999", PageRequest.first(5)))
                    .items()).hasSize(1);
        } finally {
            try (Connection admin = db.connect(); Statement statement = admin.createStatement()) {
                statement.execute("DROP OWNED BY " + login);
                statement.execute("DROP ROLE " + login);
            }
        }
        assertThat(pendingPagesOfMovieIndexes()).as("left pending: the 2,000 titles' entries").isGreaterThan(20);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private TaskReport importMovies(List<MovieDraft> movies) {
        feeds.movies(MOVIES, InMemoryFeedReader.movieItems(movies));
        TaskReport report = catalog.importMovies(new ImportMoviesCommand(MOVIES));
        assertThat(report.succeeded()).as(report.error()).isTrue();
        return report;
    }

    private static List<MovieDraft> drafts(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> movie(prefix + i, "Movie " + prefix + " " + i)).toList();
    }

    private long titlesFound(String text) {
        return store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, text, PageRequest.first(50))).items().size();
    }

    /** The test database's URL, logging in as {@code login} (the local server trusts it, as it trusts the tests). */
    private static String withUser(String url, String login) {
        return url.matches(".*[?&]user=[^&]*.*") ? url.replaceFirst("([?&])user=[^&]*", "$1user=" + login)
                : url + "&user=" + login;
    }

    /** The storage parameters of the GIN indexes on {@code movie} and {@code show}, one per index. */
    private List<String> pendingListLimits() throws SQLException {
        List<String> limits = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT array_to_string(c.reloptions, ',')
                     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
                     WHERE a.amname = 'gin' AND i.indrelid IN ('movie'::regclass, 'show'::regclass)""")) {
            while (rows.next()) {
                limits.add(rows.getString(1));
            }
        }
        return limits;
    }

    /** Merges the pending lists of {@code movie}'s GIN indexes (trigrams and short texts); the pages they held. */
    private long pendingPagesOfMovieIndexes() throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet pages = statement.executeQuery("""
                     SELECT count(*), coalesce(sum(gin_clean_pending_list(i.indexrelid::regclass)), 0)
                     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
                     WHERE a.amname = 'gin' AND i.indrelid = 'movie'::regclass""")) {
            assertThat(pages.next()).isTrue();
            assertThat(pages.getInt(1)).as("movie's GIN indexes: trigrams and short texts").isEqualTo(2);
            return pages.getLong(2);
        }
    }
}
