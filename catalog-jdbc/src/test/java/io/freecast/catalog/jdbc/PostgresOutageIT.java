package io.freecast.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.out.StorageUnavailableException;
import io.freecast.catalog.jdbc.testing.TcpRelay;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL going away under a store in use, and coming back: a {@link TcpRelay} in front of the test
 * server is cut and restored (the server itself is never touched). Skipped, with the reason, without
 * CATALOG_TEST_POSTGRES_URL.
 */
class PostgresOutageIT {

    private static final int READERS = 32;
    /** "Answered at once" with room for a loaded CI machine: far below the pool's 10 s wait. */
    private static final Duration ANSWERED = Duration.ofSeconds(3);

    @Test
    void readsUnderLoadAreRefusedQuicklyWhileItIsAwayAndServedAgainByThemselvesWhenItIsBack() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); TcpRelay relay = TcpRelay.inFrontOf(db.url());
             JdbcCatalogStore store = JdbcCatalogStore.open(relay.jdbcUrl(db.url()))) {
            CatalogQueries queries = store.ports().queries();
            assertThat(queries.findMovie(1)).isEmpty();
            assertThat(store.health().up()).isTrue();

            ExecutorService readers = Executors.newFixedThreadPool(READERS);
            try {
                relay.cut();
                List<Future<List<String>>> results = new ArrayList<>();
                long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                for (int i = 0; i < READERS; i++) {
                    results.add(readers.submit(() -> readUntil(queries, until)));
                }
                assertThat(eventually(Duration.ofSeconds(2), () -> !store.health().up()))
                        .as("health says down within 2 s").isTrue();
                assertThat(store.health().detail()).contains("unavailable for").contains("connection");
                List<String> problems = new ArrayList<>();
                for (Future<List<String>> result : results) {
                    problems.addAll(result.get(30, TimeUnit.SECONDS));
                }
                assertThat(problems).as("every read answered within %s, refused as unavailable", ANSWERED).isEmpty();

                relay.restore();
                assertThat(eventually(Duration.ofSeconds(10), () -> {
                    try {
                        return queries.findMovie(1).isEmpty();
                    } catch (StorageUnavailableException e) {
                        return false;
                    }
                })).as("reads served again by themselves").isTrue();
                assertThat(store.health().up()).isTrue();
            } finally {
                readers.shutdownNow();
            }
        }
    }

    @Test
    void aHealthCheckOfAnIdleStoreSaysDownWithinTwoSecondsOfTheOutage() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); TcpRelay relay = TcpRelay.inFrontOf(db.url());
             JdbcCatalogStore store = JdbcCatalogStore.open(relay.jdbcUrl(db.url()))) {
            assertThat(store.health().up()).isTrue();
            Thread.sleep(600); // idle long enough that the pool checks a connection before lending it

            relay.cut();
            long start = System.nanoTime();
            var health = store.health();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(health.up()).isFalse();
            assertThat(took).as("within 2 s").isLessThan(Duration.ofSeconds(2));
            assertThat(health.detail()).doesNotContain("password");
            relay.restore();
            assertThat(eventually(Duration.ofSeconds(10), () -> store.health().up())).isTrue();
        }
    }

    @Test
    void writesDuringTheOutageAreRefusedAsUnavailableAndWorkAfterIt() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); TcpRelay relay = TcpRelay.inFrontOf(db.url());
             JdbcCatalogStore store = JdbcCatalogStore.open(relay.jdbcUrl(db.url()))) {
            var runs = store.ports().taskRuns();
            runs.recordStart(io.freecast.catalog.domain.TaskName.IMPORT_MOVIES, "node-a", java.time.Instant.now());

            relay.cut();
            AtomicInteger refused = new AtomicInteger();
            for (int i = 0; i < 5; i++) {
                try {
                    runs.recordStart(io.freecast.catalog.domain.TaskName.IMPORT_MOVIES, "node-a", java.time.Instant.now());
                } catch (StorageUnavailableException e) {
                    refused.incrementAndGet();
                }
            }
            assertThat(refused).hasValue(5);

            relay.restore();
            assertThat(eventually(Duration.ofSeconds(10), () -> {
                try {
                    runs.recordStart(io.freecast.catalog.domain.TaskName.IMPORT_MOVIES, "node-a", java.time.Instant.now());
                    return true;
                } catch (StorageUnavailableException e) {
                    return false;
                }
            })).isTrue();
        }
    }

    @Test
    void aTransactionCutInTheMiddleIsRefusedAndTheSameThreadsNextTransactionWorksOnceItIsBack() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); TcpRelay relay = TcpRelay.inFrontOf(db.url());
             JdbcCatalogStore store = JdbcCatalogStore.open(relay.jdbcUrl(db.url()))) {
            var ports = store.ports();
            java.time.Instant now = java.time.Instant.now();

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                ports.accounts().insertIfNameFree("ada", io.freecast.catalog.domain.Role.EDITOR, "hash", now);
                relay.cut();
                return ports.accounts().insertIfNameFree("grace", io.freecast.catalog.domain.Role.EDITOR, "hash", now);
            })).isInstanceOf(StorageUnavailableException.class);

            relay.restore();
            assertThat(eventually(Duration.ofSeconds(10), () -> {
                try {
                    return ports.transactions().inTransaction(() -> ports.accounts()
                            .insertIfNameFree("grace", io.freecast.catalog.domain.Role.EDITOR, "hash", now)).isPresent();
                } catch (StorageUnavailableException e) {
                    return false;
                }
            })).as("this thread's next transaction works").isTrue();
            assertThat(ports.accounts().findByName("ada")).as("the cut transaction was rolled back").isEmpty();
        }
    }

    /** The store's bound on one round trip in the tests of a server that stops answering (the default is 5 s). */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);

    @Test
    void readsUnderLoadWhileTheServerIsSilentAreRefusedOnceItHasBeenSilentForTheAnswerTimeoutAndServedWhenItAnswers()
            throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); TcpRelay relay = TcpRelay.inFrontOf(db.url());
             JdbcCatalogStore store = JdbcCatalogStore.builder(relay.jdbcUrl(db.url()))
                     .answerTimeout(ANSWER_TIMEOUT).open()) {
            CatalogQueries queries = store.ports().queries();
            assertThat(queries.findMovie(1)).isEmpty();

            ExecutorService readers = Executors.newFixedThreadPool(READERS);
            try {
                relay.freeze();
                long frozen = System.nanoTime();
                List<Future<String>> reads = new ArrayList<>();
                for (int i = 0; i < READERS; i++) {
                    reads.add(readers.submit(() -> readOnce(queries)));
                }
                // Every read stuck on the silent server ends once it has waited the answer timeout, refused as
                // unavailable — none waits for the operating system to give the connection up.
                List<String> answers = new ArrayList<>();
                for (Future<String> read : reads) {
                    answers.add(read.get(30, TimeUnit.SECONDS));
                }
                Duration allRefused = Duration.ofNanos(System.nanoTime() - frozen);
                assertThat(answers).allSatisfy(answer -> assertThat(answer).startsWith("refused: the database is unavailable"));
                assertThat(store.health().up()).isFalse();
                long start = System.nanoTime();
                assertThat(readOnce(queries)).startsWith("refused:");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused at once while it is known away")
                        .isLessThan(ANSWERED);
                System.out.printf("every read refused %d ms after the server fell silent%n", allRefused.toMillis());

                relay.thaw();
                assertThat(eventually(Duration.ofSeconds(15), () -> readOnce(queries).equals("served")))
                        .as("reads served again by themselves").isTrue();
                assertThat(store.health().up()).isTrue();
            } finally {
                readers.shutdownNow();
            }
        }
    }

    @Test
    void aHealthCheckOfAnIdleStoreSaysDownWithinAFewSecondsOfTheServerFallingSilent() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); TcpRelay relay = TcpRelay.inFrontOf(db.url());
             JdbcCatalogStore store = JdbcCatalogStore.open(relay.jdbcUrl(db.url()))) {
            assertThat(store.health().up()).isTrue();

            relay.freeze();
            long start = System.nanoTime();
            // On a thread of its own, so that a check that waits on the silent server fails this test, not hangs it.
            var health = CompletableFuture.supplyAsync(store::health).get(30, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // The default answer timeout is 5 s; a health check's own round trip waits at most 2 s.
            assertThat(health.up()).isFalse();
            assertThat(took).as("within the health check's 2 s and some").isLessThan(Duration.ofSeconds(4));
            assertThat(health.detail()).contains("did not answer in time");
            relay.thaw();
            assertThat(eventually(Duration.ofSeconds(15), () -> store.health().up())).isTrue();
        }
    }

    @Test
    void aReadWaitingForALockIsRefusedAsBusyAloneAndTheStoreStaysUp() throws Exception {
        try (TestDatabase db = TestDatabases.postgres();
             JdbcCatalogStore store = db.open(b -> b.answerTimeout(ANSWER_TIMEOUT))) {
            // Another session holds the movie table: the store's read waits on the lock until the server's limit
            // on a lock wait (three fifths of the 2 s answer timeout) ends it, and it is told to come back.
            assertThat(readBehindATableLock(db, store.ports().queries())).isEqualTo("refused: the database is busy "
                    + "(another transaction, such as an import, holds what this statement needs); try again in 10 s");
            assertThat(store.health().up()).as("the circuit stays closed").isTrue();
            assertThat(readOnce(store.ports().queries())).isEqualTo("served");
        }
    }

    @Test
    void aReadTheServerCancelsAtItsTimeLimitIsRefusedAloneAndTheStoreStaysUp() throws Exception {
        // The same wait with no limit on lock waits (the URL's options win over the store's) runs into the
        // server's limit on a statement instead: slow, not busy and not away.
        String slowOnly = "-c statement_timeout=" + ANSWER_TIMEOUT.toMillis() * 4 / 5 + " -c lock_timeout=0";
        try (TestDatabase db = TestDatabases.postgres();
             JdbcCatalogStore store = JdbcCatalogStore.builder(db.url() + (db.url().contains("?") ? "&" : "?")
                     + "options=" + URLEncoder.encode(slowOnly, StandardCharsets.UTF_8)).answerTimeout(ANSWER_TIMEOUT)
                     .open()) {
            assertThat(readBehindATableLock(db, store.ports().queries())).isEqualTo("refused: the database did not "
                    + "finish in time (the statement ran past the database's time limit); try again in 2 s");
            assertThat(store.health().up()).as("the circuit stays closed").isTrue();
            assertThat(readOnce(store.ports().queries())).isEqualTo("served");
        }
    }

    /** One read while another session holds the movie table exclusively; the lock is gone afterwards. */
    private static String readBehindATableLock(TestDatabase db, CatalogQueries queries) throws Exception {
        assertThat(queries.findMovie(1)).isEmpty();
        try (java.sql.Connection locker = db.connect()) {
            locker.setAutoCommit(false);
            try (java.sql.Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE movie IN ACCESS EXCLUSIVE MODE");
            }
            try {
                return readOnce(queries);
            } finally {
                locker.rollback();
            }
        }
    }

    /** One read: "served", or "refused: …" when refused as unavailable; anything else is thrown. */
    private static String readOnce(CatalogQueries queries) {
        try {
            queries.findMovie(1);
            return "served";
        } catch (StorageUnavailableException e) {
            return "refused: " + e.getMessage();
        }
    }

    /** Reads until {@code until}; each read that is not refused as unavailable within 2 s is a problem. */
    private static List<String> readUntil(CatalogQueries queries, long until) {
        List<String> problems = new ArrayList<>();
        while (System.nanoTime() - until < 0) {
            long start = System.nanoTime();
            String answer = "an answer";
            try {
                queries.findMovie(1);
            } catch (StorageUnavailableException e) {
                // What it should say while the database is away.
                answer = e.getMessage();
            } catch (RuntimeException e) {
                problems.add("not refused as unavailable: " + e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (took.compareTo(ANSWERED) > 0) {
                problems.add("a read took " + took.toMillis() + " ms, " + Duration.ofNanos(start - (until
                        - Duration.ofSeconds(3).toNanos())).toMillis() + " ms after the cut: " + answer);
            }
        }
        return problems;
    }

    private static boolean eventually(Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
