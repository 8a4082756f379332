package io.freecast.catalog.jdbc.edits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.HeldImport;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.out.StorageBusyException;
import io.freecast.catalog.port.out.StorageUnavailableException;
import io.freecast.catalog.testing.Drafts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL several writers work at once (no write gate): a person adding, renaming and deleting movies
 * by hand while an import of movies holds its transaction open is not made to wait for that transaction —
 * which, at a million titles, lasts minutes, far past the server's 4 s limit on a statement. Both commit, and
 * the list's size and change counter ({@code title_count}) hold both. Only an edit of a row the import itself
 * changed waits — for that row's lock, until the lock wait's limit, and is then refused as busy.
 */
class PostgresEditsBesideAnImportIT {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private TestDatabase db;
    private JdbcCatalogStore store;

    @BeforeEach
    void open() {
        db = TestDatabases.postgres();
        store = db.open();
        store.ports().movies().upsertAll(IntStream.range(0, 20).mapToObj(i -> Drafts.movie("m" + i, "Movie " + i)).toList());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void handEditsOfTitlesCommitWhileAnImportOfTheSameListIsOpen() throws Exception {
        long changesBefore = titleCount("changes");
        // An import that adds 600 movies (two batches) and renames one, then stays open until committed.
        long added;
        try (HeldImport importing = HeldImport.start(store, IntStream.range(0, 620).mapToObj(i -> Drafts.movie("m" + i,
                i == 3 ? "Movie three, renamed by the feed" : "Movie " + i)).toList())) {
            added = CompletableFuture.supplyAsync(this::addRenameAndDeleteByHand).get(30, TimeUnit.SECONDS);
            importing.commit();
        }
        assertThat(titleCount("total")).isEqualTo(count("movie")).isEqualTo(620);
        // As the triggers count: the import's two batches of new titles and its rename, the three edits.
        assertThat(titleCount("changes")).isEqualTo(changesBefore + 2 + 1 + 3);
        assertThat(store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, "added by hand, renamed",
                PageRequest.first(10))).items()).extracting(tree -> tree.movie().id()).containsExactly(added);
    }

    @Test
    void anEditOfAMovieTheOpenImportChangedIsRefusedAsBusyOnceItsLockWaitEndsThenGoesThroughAfterTheCommit()
            throws Exception {
        long third = store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, "Movie 3", PageRequest.first(10)))
                .items().getFirst().movie().id();
        var transactions = store.ports().transactions();
        try (HeldImport importing = HeldImport.start(store, IntStream.range(0, 20).mapToObj(i -> Drafts.movie("m" + i,
                i == 3 ? "Movie three, renamed by the feed" : "Movie " + i)).toList())) {
            StorageUnavailableException busy = catchThrowableOfType(StorageUnavailableException.class,
                    () -> transactions.inInteractiveTransaction(() -> {
                        store.ports().handEdits().updateMovie(movie(third, "Movie three, fixed by hand"));
                        return null;
                    }));

            // The row lock's wait (lock_timeout) ends before the statement limit: busy, not slow.
            assertThat(busy).isInstanceOf(StorageBusyException.class)
                    .hasMessage("the database is busy (another transaction, such as an import, holds what "
                    + "this statement needs); try again in 10 s");
            assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(10));
            importing.commit();
        }
        transactions.inInteractiveTransaction(() -> {
            store.ports().handEdits().updateMovie(movie(third, "Movie three, fixed by hand"));
            return null;
        });
        assertThat(store.ports().queries().findMovie(third).orElseThrow().movie().title())
                .isEqualTo("Movie three, fixed by hand");
    }

    /** Adds a movie by hand, renames it and deletes another, each its own transaction; the added one's id. */
    private long addRenameAndDeleteByHand() {
        var edits = store.ports().handEdits();
        var transactions = store.ports().transactions();
        long id = transactions.inTransaction(() -> edits.insertMovie(movie(0, "Added by hand")));
        transactions.inTransaction(() -> {
            edits.updateMovie(movie(id, "Added by hand, renamed"));
            return null;
        });
        transactions.inTransaction(() -> {
            edits.deleteMovie(store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, "Movie 19",
                    PageRequest.first(1))).items().getFirst().movie().id());
            return null;
        });
        return id;
    }

    private static Movie movie(long id, String title) {
        return new Movie(id, FeedKey.byHand(), null, null, title, null, null, null, null, null, null, NOW, NOW,
                Set.of());
    }


    private long titleCount(String column) throws SQLException {
        return value("SELECT " + column + " FROM title_count WHERE kind = 'movie'");
    }

    private long count(String table) throws SQLException {
        return value("SELECT count(*) FROM " + table);
    }

    private long value(String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
