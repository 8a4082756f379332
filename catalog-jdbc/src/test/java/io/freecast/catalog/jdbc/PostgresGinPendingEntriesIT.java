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
import java.util.List;
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

    @Test
    void titlesWrittenOutsideAnImportWaitInThePendingList() throws SQLException {
        store.ports().movies().upsertAll(drafts("manual", 2_000));

        assertThat(titlesFound("manual 1999")).isEqualTo(1);
        assertThat(pendingPagesOfMovieIndexes()).as("what the next import merges (none of it merged on its own)")
                .isGreaterThan(20);
    }

    @Test
    void theNextImportMergesWhatWasWrittenBeforeIt() throws SQLException {
        store.ports().movies().upsertAll(drafts("manual", 2_000));

        importMovies(drafts("feed", 10));

        assertThat(titlesFound("manual 1999")).as("the merged titles are still found").isEqualTo(1);
        assertThat(titlesFound("feed 9")).isEqualTo(1);
        assertThat(pendingPagesOfMovieIndexes()).isZero();
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
