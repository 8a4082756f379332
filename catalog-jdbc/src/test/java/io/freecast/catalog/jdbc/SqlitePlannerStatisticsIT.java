package io.freecast.catalog.jdbc;

import static io.freecast.catalog.testing.Drafts.movie;
import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.in.ImportMoviesUseCase.ImportMoviesCommand;
import io.freecast.catalog.testing.InMemoryFeedReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite keeps no planner statistics after an import, however large: its read path is planned for SQLite's rules
 * without them (the plan tests hold those plans), and {@code sqlite_stat1} made some worse — the dead-link count
 * became a scan of every source (see {@code PlannerStatistics}). An import that writes {@code sqlite_stat1}, or
 * says it refreshed statistics, fails this test.
 */
class SqlitePlannerStatisticsIT {

    private static final FeedLocation MOVIES = FeedLocation.parse("movies.json");

    @TempDir
    Path dir;

    @Test
    void aLargeImportLeavesNoStatisticsForThePlanner() throws SQLException {
        InMemoryFeedReader feeds = new InMemoryFeedReader().movies(MOVIES, InMemoryFeedReader.movieItems(
                IntStream.range(0, 5_000).mapToObj(i -> movie("m" + i, "Movie " + i)).toList()));
        try (TestDatabase db = TestDatabases.sqlite(dir);
             Catalog catalog = Catalog.builder().storage(db.open()).feedReader(feeds).build()) {

            TaskReport report = catalog.importMovies(new ImportMoviesCommand(MOVIES));

            assertThat(report.count("created")).isEqualTo(5_000);
            assertThat(report.notes()).noneMatch(note -> note.contains("statistics"));
            try (Connection connection = db.connect();
                 ResultSet tables = connection.createStatement().executeQuery(
                         "SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")) {
                assertThat(tables.next()).isTrue();
                assertThat(tables.getInt(1)).as("sqlite_stat tables").isZero();
            }
        }
    }
}
