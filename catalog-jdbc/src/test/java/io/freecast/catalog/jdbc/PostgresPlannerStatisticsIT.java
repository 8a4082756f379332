package io.freecast.catalog.jdbc;

import static io.freecast.catalog.testing.Drafts.movie;
import static io.freecast.catalog.testing.Drafts.seasons;
import static io.freecast.catalog.testing.Drafts.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.in.ImportMoviesUseCase.ImportMoviesCommand;
import io.freecast.catalog.port.in.ImportShowsUseCase.ImportShowsCommand;
import io.freecast.catalog.testing.InMemoryFeedReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An import that changes a large share of a table leaves PostgreSQL's statistics of it fresh, and says so in its
 * report: the store runs {@code ANALYZE} on the tables of the catalog's schema the import changed beyond
 * autovacuum's rule (50 rows + 10% of the table by default), after the commit — and on no other table. Read from
 * the server: {@code pg_stat_user_tables.analyze_count} counts the {@code ANALYZE}s run by hand (autovacuum's are
 * counted apart, so a server with it on does not disturb the counts), {@code pg_class.reltuples} and
 * {@code pg_stats} are what the planner reads.
 */
class PostgresPlannerStatisticsIT {

    private static final FeedLocation MOVIES = FeedLocation.parse("movies.json");
    private static final FeedLocation SHOWS = FeedLocation.parse("shows.json");
    private static final String REFRESHED = "PostgreSQL planner statistics refreshed (ANALYZE, ";

    private TestDatabase db;
    private Catalog catalog;
    private final InMemoryFeedReader feeds = new InMemoryFeedReader();

    @BeforeEach
    void open() {
        db = TestDatabases.postgres();
        catalog = Catalog.builder().storage(db.open()).feedReader(feeds).build();
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
    void aLargeImportIntoNewTablesAnalysesTheTablesItWroteAndOnlyThose() throws SQLException {
        assertThat(analyzeCounts()).as("nothing analysed after the migration").containsValues(0L).doesNotContainValue(1L);

        TaskReport report = importMovies(2_000);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.notes().getLast()).startsWith(REFRESHED)
                .endsWith("for the tables this import changed beyond autovacuum's threshold: movie (2,000 rows written), "
                        + "source (2,000 rows written)");
        Map<String, Long> counts = analyzeCounts();
        assertThat(counts).containsEntry("movie", 1L).containsEntry("source", 1L);
        assertThat(counts).as("tables the import did not write (the run log is written outside its transaction)")
                .containsEntry("show", 0L).containsEntry("episode", 0L).containsEntry("task_run", 0L)
                .containsEntry("tombstone", 0L);
        assertThat(reltuples("movie")).isEqualTo(2_000);
        assertThat(reltuples("source")).isEqualTo(2_000);
        assertThat(statisticsColumns("movie")).contains("title", "feed_key", "release_date");
    }

    @Test
    void aFewTitlesAddedToALargeTableAnalyseNothingAndATenthOfItDoes() throws SQLException {
        importMovies(2_000);

        // 20 new movies and their 20 sources: under 50 + 10% of 2,000 rows.
        TaskReport few = importMovies(2_020);
        assertThat(few.count("created")).isEqualTo(20);
        assertThat(few.notes()).as(few.counts().toString()).noneMatch(note -> note.contains("planner statistics"));
        assertThat(analyzeCounts()).containsEntry("movie", 1L).containsEntry("source", 1L);

        // 400 more: over 50 + 10% of 2,000.
        TaskReport more = importMovies(2_420);
        assertThat(more.count("created")).isEqualTo(400);
        assertThat(more.notes().getLast()).startsWith(REFRESHED).contains("movie (400 rows written)");
        assertThat(analyzeCounts()).containsEntry("movie", 2L).containsEntry("source", 2L);
        assertThat(reltuples("movie")).isEqualTo(2_420);

        TaskReport same = importMovies(2_420);
        assertThat(same.count("unchanged")).isEqualTo(2_420);
        assertThat(same.notes()).as("a re-import that changes nothing").noneMatch(note -> note.contains("planner statistics"));
        assertThat(analyzeCounts()).containsEntry("movie", 2L);
    }

    @Test
    void aTinyFirstImportAnalysesNothing() throws SQLException {
        TaskReport report = importMovies(10);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.notes()).noneMatch(note -> note.contains("planner statistics"));
        assertThat(analyzeCounts()).doesNotContainValue(1L);
    }

    @Test
    void anImportOfShowsAnalysesTheShowsSeasonsEpisodesAndSourcesItWrote() throws SQLException {
        List<ShowDraft> shows = IntStream.range(0, 100)
                .mapToObj(i -> show("s" + i, "Show " + i, seasons("s" + i, 2, 5))).toList();
        feeds.shows(SHOWS, InMemoryFeedReader.showItems(shows));

        TaskReport report = catalog.importShows(new ImportShowsCommand(SHOWS, false));

        assertThat(report.notes().getLast()).startsWith(REFRESHED).endsWith("episode (1,000 rows written), "
                + "season (200 rows written), show (100 rows written), source (1,000 rows written)");
        assertThat(analyzeCounts()).containsEntry("show", 1L).containsEntry("season", 1L).containsEntry("episode", 1L)
                .containsEntry("source", 1L).containsEntry("movie", 0L);
    }

    @Test
    void anImportThatFailsPartWayAnalysesNothing() throws SQLException {
        feeds.movies(MOVIES, InMemoryFeedReader.movieItems(drafts(3_000))).cutOffAfter(MOVIES, 2_500, "connection reset");

        TaskReport report = catalog.importMovies(new ImportMoviesCommand(MOVIES));

        assertThat(report.succeeded()).isFalse();
        assertThat(report.notes()).containsExactly("nothing was imported: the catalog is as it was before this run");
        assertThat(analyzeCounts()).doesNotContainValue(1L);
    }

    /**
     * The planner's estimate of a title search comes from {@code title_search}'s histogram, which migration V12
     * makes ten times finer than the default: a text in half a percent of the titles is estimated near its real
     * count, not at the floor PostgreSQL falls back to when none of the default's 101 bounds holds it (at 1,000,000
     * titles that guess, 87 rows for 5,599, made a page in id order read and sort every match). 20,000 titles are
     * all read by {@code ANALYZE} at either target, so the histogram, and this estimate, are the same on every run.
     */
    @Test
    void aTitleSearchIsEstimatedFromAHistogramFineEnoughForAWordInHalfAPercentOfTheTitles() throws SQLException {
        assertThat(statisticsTarget("movie")).isEqualTo(1000);
        assertThat(statisticsTarget("show")).isEqualTo(1000);
        List<MovieDraft> drafts = IntStream.range(0, 20_000)
                .mapToObj(i -> movie("m" + i, i % 200 == 7 ? "Movie " + i + " with Amélie" : "Movie " + i)).toList();
        feeds.movies(MOVIES, InMemoryFeedReader.movieItems(drafts));
        TaskReport report = catalog.importMovies(new ImportMoviesCommand(MOVIES));
        assertThat(report.notes().getLast()).as("the import analysed movie").startsWith(REFRESHED);

        assertThat(estimatedRows("SELECT 1 FROM movie WHERE title_search LIKE '%amelie%'"))
                .as("estimated titles holding 'amelie' (100 do)").isBetween(50L, 200L);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private TaskReport importMovies(int count) {
        feeds.movies(MOVIES, InMemoryFeedReader.movieItems(drafts(count)));
        TaskReport report = catalog.importMovies(new ImportMoviesCommand(MOVIES));
        assertThat(report.succeeded()).as(report.error()).isTrue();
        return report;
    }

    private static List<MovieDraft> drafts(int count) {
        return IntStream.range(0, count).mapToObj(i -> movie("m" + i, "Movie " + i)).toList();
    }

    /** {@code ANALYZE}s run by hand on each table of the test's schema (autovacuum's are counted apart). */
    private Map<String, Long> analyzeCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = db.connect();
             PreparedStatement statement = connection.prepareStatement("SELECT relname, analyze_count "
                     + "FROM pg_stat_user_tables WHERE schemaname = current_schema() ORDER BY relname");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        assertThat(counts).as("the schema's tables").containsKeys("movie", "source", "show", "task_run");
        return counts;
    }

    private long reltuples(String table) throws SQLException {
        try (Connection connection = db.connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)")) {
            statement.setString(1, table);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return Math.round(row.getDouble(1));
            }
        }
    }

    /** The statistics target of a table's {@code title_search} column ({@code -1}: the server's default). */
    private int statisticsTarget(String table) throws SQLException {
        try (Connection connection = db.connect();
             PreparedStatement statement = connection.prepareStatement("SELECT attstattarget FROM pg_attribute "
                     + "WHERE attrelid = to_regclass(?) AND attname = 'title_search'")) {
            statement.setString(1, table);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getInt(1);
            }
        }
    }

    /** The rows the planner expects a statement to return ({@code EXPLAIN}'s top node). */
    private long estimatedRows(String sql) throws SQLException {
        try (Connection connection = db.connect();
             PreparedStatement statement = connection.prepareStatement("EXPLAIN (FORMAT JSON) " + sql);
             ResultSet row = statement.executeQuery()) {
            assertThat(row.next()).isTrue();
            String plan = row.getString(1);
            Matcher rows = Pattern.compile("\"Plan Rows\": (\\d+)").matcher(plan);
            assertThat(rows.find()).as(plan).isTrue();
            return Long.parseLong(rows.group(1));
        }
    }

    private List<String> statisticsColumns(String table) throws SQLException {
        try (Connection connection = db.connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT attname FROM pg_stats WHERE schemaname = current_schema() AND tablename = ?")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> columns = new java.util.ArrayList<>();
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
                return columns;
            }
        }
    }
}
