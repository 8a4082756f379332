package io.freecast.catalog.jdbc.edits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.HeldImport;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.out.StorageBusyException;
import io.freecast.catalog.port.out.StorageUnavailableException;
import io.freecast.catalog.port.out.Transactions;
import io.freecast.catalog.testing.Drafts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On SQLite one write runs at a time, and an import holds the writer for its whole transaction — minutes at a
 * million titles. A write someone is waiting on ({@code inInteractiveTransaction}: an edit, a sign-in) is refused
 * after the store's short wait as unavailable, naming the import, with nothing written; a task's write
 * ({@code inTransaction}) still waits its turn and commits after the import; once the import has committed, the
 * person's write goes through. A task's lease claimed for someone waiting ({@code tryClaimInteractively}) is
 * refused the same way; and a person's write behind another program's write (SQLite's own lock) waits as briefly. Compare {@link PostgresEditsBesideAnImportIT}, where writers lock rows only.
 */
class SqliteWritesBesideAnImportIT {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Duration INTERACTIVE_WAIT = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private TestDatabase db;
    private JdbcCatalogStore store;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite(dir);
        store = db.open(settings -> settings.interactiveWriteWait(INTERACTIVE_WAIT));
        store.ports().movies().upsertAll(IntStream.range(0, 20).mapToObj(i -> Drafts.movie("m" + i, "Movie " + i)).toList());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aPersonsWriteIsRefusedSoonBehindAnImportWhileATasksWriteWaitsItsTurn() throws Exception {
        Transactions transactions = store.ports().transactions();
        CompletableFuture<Long> tasksWrite;
        try (HeldImport importing = HeldImport.start(store, IntStream.range(0, 620)
                .mapToObj(i -> Drafts.movie("m" + i, "Movie " + i)).toList())) {
            long asked = System.nanoTime();
            StorageUnavailableException refused = catchThrowableOfType(StorageUnavailableException.class,
                    () -> transactions.inInteractiveTransaction(() -> addByHand("Added by a person")));
            long waitedNanos = System.nanoTime() - asked;

            assertThat(refused).as("refused, not queued behind the import").isInstanceOf(StorageBusyException.class);
            assertThat(refused.getMessage()).startsWith("the SQLite database is busy with a bulk write (an import), for ")
                    .endsWith(" s so far; try again in 10 s");
            assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(waitedNanos)).as("it waited for the gate first").isGreaterThanOrEqualTo(INTERACTIVE_WAIT);
            // Busy is not an outage: reads go on (the circuit would refuse them).
            assertThat(titles("Movie 1")).isNotEmpty();
            // A run someone triggers claims its lease the same way (the 202 of POST /tasks/{name}/runs).
            assertThat(catchThrowableOfType(StorageUnavailableException.class, () -> store.ports().taskLeases()
                    .tryClaimInteractively(TaskName.VALIDATE_SOURCES, NOW, "node", NOW, Duration.ofMinutes(1))))
                    .isNotNull();

            tasksWrite = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> addByHand("Added by a task")));
            Thread.sleep(INTERACTIVE_WAIT.toMillis() * 2);
            assertThat(tasksWrite).as("a task's write waits for the import").isNotDone();
            importing.commit();
        }
        tasksWrite.get(60, TimeUnit.SECONDS);

        transactions.inInteractiveTransaction(() -> addByHand("Added by a person"));
        assertThat(titles("Added by")).containsExactly("Added by a task", "Added by a person");
        assertThat(movieRows()).as("the import's 620 and the two added").isEqualTo(622);
    }

    @Test
    void aPersonsWriteBehindAnotherProgramsWriteWaitsAsBrieflyAndTheConnectionThenWaitsAsUsualAgain() throws Exception {
        // One connection: the one the person's write shortened its wait on is the one the task's write gets next.
        try (JdbcCatalogStore oneConnection = db.open(settings -> settings.interactiveWriteWait(INTERACTIVE_WAIT)
                .busyTimeout(Duration.ofSeconds(60)).poolSize(1));
             Connection other = db.connect(); Statement lock = other.createStatement()) {
            Transactions transactions = oneConnection.ports().transactions();
            lock.execute("BEGIN EXCLUSIVE"); // another program's write, e.g. an import run from the command line
            CompletableFuture<Long> tasksWrite;
            try {
                long asked = System.nanoTime();
                StorageUnavailableException busy = catchThrowableOfType(StorageUnavailableException.class,
                        () -> transactions.inInteractiveTransaction(() -> addByHand(oneConnection, "Behind another program")));
                Duration waited = Duration.ofNanos(System.nanoTime() - asked);

                assertThat(busy).isInstanceOf(StorageBusyException.class)
                        .hasMessage("the database is busy (another program is writing to the database file); "
                        + "try again in 10 s");
                assertThat(waited).as("the person's wait, not the busy timeout of 60 s").isLessThan(Duration.ofSeconds(30));
                tasksWrite = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> addByHand(oneConnection,
                        "A task's")));
                Thread.sleep(INTERACTIVE_WAIT.toMillis() * 3);
                assertThat(tasksWrite).as("a task's write still waits for the busy timeout").isNotDone();
            } finally {
                lock.execute("ROLLBACK");
            }
            assertThat(tasksWrite.get(60, TimeUnit.SECONDS)).isPositive();
        }
        assertThat(titles("Behind another program")).isEmpty();
    }

    @Test
    void aPersonsWriteInsideAnOpenTransactionJoinsItWithoutWaiting() {
        Transactions transactions = store.ports().transactions();

        long id = transactions.inTransaction(() -> transactions.inInteractiveTransaction(() -> addByHand("Joined")));

        assertThat(titles("Joined")).containsExactly("Joined");
        assertThat(id).isPositive();
    }

    private long addByHand(String title) {
        return addByHand(store, title);
    }

    private static long addByHand(JdbcCatalogStore into, String title) {
        return into.ports().handEdits().insertMovie(new Movie(0, FeedKey.byHand(), null, null, title, null, null, null,
                null, null, null, NOW, NOW, Set.of()));
    }

    private List<String> titles(String search) {
        return store.ports().queries().listMovies(new ListQuery(Sort.BY_ID, search, PageRequest.first(500))).items()
                .stream().map(tree -> tree.movie().title()).toList();
    }

    private long movieRows() throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM movie")) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
