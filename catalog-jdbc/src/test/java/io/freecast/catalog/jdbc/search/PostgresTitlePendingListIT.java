package io.freecast.catalog.jdbc.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.testing.Drafts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL: an import leaves nothing in its lists' GIN trigram indexes' pending lists (new entries that every
 * search reads in full until a vacuum or a full list moves them into the index; README, "Title search and
 * totals"), while a write outside an import still goes through the pending list as PostgreSQL does it.
 */
class PostgresTitlePendingListIT {

    @Test
    void anImportMovesItsNewTitlesOutOfThePendingList() throws SQLException {
        try (TestDatabase db = TestDatabases.postgres()) {
            JdbcCatalogStore store = db.open();
            store.ports().movies().upsertAll(IntStream.range(0, 3_000)
                    .mapToObj(i -> Drafts.movie("m" + i, "Film " + i + " Gold")).toList());
            store.ports().shows().upsertAll(IntStream.range(0, 1_000)
                    .mapToObj(i -> Drafts.show("s" + i, "Series " + i + " Gold", List.of())).toList(), List.of());

            assertThat(pendingPages(db, "movie")).as("pending pages after importing 3,000 movies").isZero();
            assertThat(pendingPages(db, "show")).as("pending pages after importing 1,000 shows").isZero();
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO movie (feed_key, title, title_search, created_at, updated_at)"
                        + " SELECT 'hand:' || n, 'Typed ' || n, 'typed ' || n, now(), now() FROM generate_series(1, 500) n");
            }
            assertThat(pendingPages(db, "movie")).as("500 titles written by hand: PostgreSQL's own way").isPositive();
            assertThat(store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, "film 2999 gold", PageRequest.first(5)))
                    .total()).isEqualTo(1);
        }
    }

    /** Moves the list's pending entries into its GIN index, and says how many pages of them there were. */
    private static long pendingPages(TestDatabase db, String kind) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT gin_clean_pending_list('ix_" + kind + "_title_trgm'::regclass)")) {
            row.next();
            return row.getLong(1);
        }
    }
}
