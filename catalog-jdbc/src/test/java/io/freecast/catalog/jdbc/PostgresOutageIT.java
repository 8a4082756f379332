package io.freecast.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.out.StorageUnavailableException;
import io.freecast.catalog.jdbc.testing.TcpRelay;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
