package io.freecast.catalog.jdbc.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.domain.TitleFilter;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.testing.Drafts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search's first page takes its total from the store's memory of that search while the list's change counter
 * has not moved, and counts again as soon as it has: the behaviour that makes a popular search cost its page and
 * not its count too. To see which happened, a test changes a title behind the counter's back (plain SQL, then the
 * counter put back): a remembered total still says the old number, a counted one the new; moving the counter, as
 * every write through the store or the database's triggers does, brings the counted one back.
 */
abstract class RecentSearchTotalsContract {

    @TempDir
    Path dir;

    private TestDatabase db;
    private JdbcCatalogStore store;

    abstract TestDatabase database(Path dir);

    @BeforeEach
    void open() {
        db = database(dir);
        store = db.open();
        store.ports().movies().upsertAll(List.of(Drafts.movie("a", "Valley of Ash"), Drafts.movie("b", "Valley Girl"),
                Drafts.movie("c", "Silver Valley"), Drafts.movie("d", "Hill Street")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long firstPageTotal(String q) {
        return store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, q, PageRequest.first(1))).total();
    }

    /** Renames "Silver Valley" away from "valley" in plain SQL, and puts the movie list's change counter back. */
    private void renameBehindTheCountersBack() throws SQLException {
        try (Connection connection = db.connect()) {
            long changes = changes(connection);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE movie SET title = 'Silver Hill', title_search = 'silver hill'"
                        + " WHERE title = 'Silver Valley'");
            }
            try (PreparedStatement put = connection.prepareStatement(
                    "UPDATE title_count SET changes = ? WHERE kind = 'movie'")) {
                put.setLong(1, changes);
                put.executeUpdate();
            }
        }
    }

    private static long changes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT changes FROM title_count WHERE kind = 'movie'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void moveTheCounter() throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE title_count SET changes = changes + 1 WHERE kind = 'movie'");
        }
    }

    @Test
    void aFirstPageAskedForAgainTakesTheRememberedTotalUntilTheListChanges() throws SQLException {
        assertThat(firstPageTotal("valley")).isEqualTo(3);
        renameBehindTheCountersBack();

        assertThat(firstPageTotal("valley")).as("remembered: the counter did not move").isEqualTo(3);
        assertThat(firstPageTotal("VALLEY")).as("the same search, written otherwise").isEqualTo(3);
        assertThat(firstPageTotal("hill")).as("a search never counted before is counted").isEqualTo(2);

        moveTheCounter();
        assertThat(firstPageTotal("valley")).as("counted again once the counter moved").isEqualTo(2);
    }

    @Test
    void aFilteredListOrAnotherListIsNeverAnsweredFromASearchsMemory() throws SQLException {
        assertThat(firstPageTotal("valley")).isEqualTo(3);
        store.ports().shows().upsertAll(List.of(Drafts.show("s", "Valley Stories", List.of())), List.of());
        renameBehindTheCountersBack();

        long filtered = store.overview().listMovies(new ListQuery(Sort.BY_ID, "valley", PageRequest.first(1)),
                Set.of(TitleFilter.RATING_UNKNOWN)).total();
        assertThat(filtered).as("a filtered list counts its matches every time").isEqualTo(2);
        assertThat(store.ports().queries().listShows(new ListQuery(Sort.BY_ID, "valley", PageRequest.first(1))).total())
                .as("the shows' list has its own memory").isEqualTo(1);
        assertThat(store.ports().queries().listMovies(new ListQuery(new Sort(SortField.TITLE, false), "valley",
                PageRequest.first(1))).total()).as("the memory is of the search, whatever the order").isEqualTo(3);
    }

    @Test
    void aStoreOpenedAgainRemembersNothing() throws SQLException {
        assertThat(firstPageTotal("valley")).isEqualTo(3);
        renameBehindTheCountersBack();
        store.close();
        store = db.open();

        assertThat(firstPageTotal("valley")).isEqualTo(2);
    }
}
