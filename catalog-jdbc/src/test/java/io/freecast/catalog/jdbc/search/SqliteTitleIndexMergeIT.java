package io.freecast.catalog.jdbc.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.testing.Drafts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite: an import whose new titles are a large part of the list leaves the list's FTS5 index as one b-tree
 * (segment), which is what every search then reads; a small one leaves merging to FTS5 (README, "Title search
 * and totals"). FTS5 is given a 4 KB buffer of pending terms here, so that a few thousand titles make many
 * segments, as a million do with its default of 1 MB.
 */
class SqliteTitleIndexMergeIT {

    @TempDir
    Path dir;

    @Test
    void anImportOfMuchOfTheListLeavesItsIndexInOnePieceAndASmallOneLeavesItToFts5() throws SQLException {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            JdbcCatalogStore store = db.open();
            execute(db, "INSERT INTO title_index_movie (title_index_movie, rank) VALUES ('hashsize', 4096)");
            execute(db, "INSERT INTO title_index_show (title_index_show, rank) VALUES ('hashsize', 4096)");

            store.ports().movies().upsertAll(IntStream.range(0, 3_000)
                    .mapToObj(i -> Drafts.movie("m" + i, "Film " + i + " Gold")).toList());
            store.ports().shows().upsertAll(IntStream.range(0, 1_000)
                    .mapToObj(i -> Drafts.show("s" + i, "Series " + i + " Gold", java.util.List.of())).toList(),
                    java.util.List.of());
            assertThat(segments(db, "movie")).as("3,000 new movies in an empty list").isEqualTo(1);
            assertThat(segments(db, "show")).as("1,000 new shows in an empty list").isEqualTo(1);

            store.ports().movies().upsertAll(IntStream.range(0, 3_300)
                    .mapToObj(i -> Drafts.movie("m" + i, "Film " + i + " Gold")).toList());
            assertThat(segments(db, "movie")).as("300 new movies, fewer than an eighth of 3,300").isGreaterThan(1);

            for (String q : java.util.List.of("film 7 gold", "film 2999 gold", "film 3299 gold")) {
                assertThat(store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, q, PageRequest.first(5))).total())
                        .as("q=%s", q).isEqualTo(1);
            }
        }
    }

    /** How many b-trees the list's FTS5 index is made of: the distinct segments its {@code _idx} table names. */
    private static int segments(TestDatabase db, String kind) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(DISTINCT segid) FROM title_index_" + kind + "_idx")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
