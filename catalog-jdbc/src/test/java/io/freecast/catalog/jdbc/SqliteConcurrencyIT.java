package io.freecast.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.testing.Drafts;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.out.RatingRepository.RatingUpdate;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers and writers on one SQLite file at once, for a few seconds: the reference stack's
 * "database is locked" must never appear. Writers come through two stores (two pools, as two processes
 * would), so SQLite's own locking is exercised too, not only this process's write queue.
 */
class SqliteConcurrencyIT {

    private static final Duration RUN_FOR = Duration.ofSeconds(4);

    @TempDir
    Path dir;

    @Test
    void readersNeverFailAndEveryWriteCommitsWhileWritersCompete() throws Exception {
        try (TestDatabase db = TestDatabases.sqlite(dir)) {
            JdbcCatalogStore first = db.open(b -> b.poolSize(6));
            JdbcCatalogStore second = db.open(b -> b.poolSize(6));
            first.ports().movies().upsertAll(IntStream.range(0, 200).mapToObj(i -> Drafts.movie("seed" + i, "Seed " + i)).toList());

            int writers = 4;
            int readers = 4;
            AtomicBoolean stop = new AtomicBoolean();
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger reads = new AtomicInteger();
            AtomicInteger moviesWritten = new AtomicInteger();
            AtomicInteger runsWritten = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
            List<Future<?>> jobs = new ArrayList<>();

            for (int w = 0; w < writers; w++) {
                JdbcCatalogStore store = w % 2 == 0 ? first : second;
                int writer = w;
                jobs.add(pool.submit(() -> {
                    await(start);
                    int round = 0;
                    while (!stop.get()) {
                        try {
                            // A read-then-write transaction: the kind deferred SQLite transactions lose.
                            int r = round++;
                            List<MovieDraft> batch = IntStream.range(0, 20)
                                    .mapToObj(i -> Drafts.movie("w" + writer + "-" + r + "-" + i, "Writer " + writer + " " + i))
                                    .toList();
                            store.ports().transactions().inTransaction(() -> {
                                store.ports().queries().listMovies(ListQuery.firstPage());
                                store.ports().movies().upsertAll(batch);
                                return null;
                            });
                            moviesWritten.addAndGet(batch.size());
                            store.ports().ratings().saveAll(List.of(new RatingUpdate(TitleKind.MOVIE, 1 + r % 200,
                                    new RatingPair(Rating.of(1 + r % 9), null), Instant.now())));
                            long run = store.ports().taskRuns().recordStart(TaskName.IMPORT_MOVIES, "w" + writer, Instant.now());
                            store.ports().taskRuns().recordFinish(run, TaskReport.succeeded(TaskName.IMPORT_MOVIES, Instant.now(),
                                    Instant.now(), Map.of("created", 20L), List.of(), List.of()));
                            runsWritten.incrementAndGet();
                        } catch (Throwable t) {
                            failures.add(t);
                        }
                    }
                }));
            }
            for (int r = 0; r < readers; r++) {
                JdbcCatalogStore store = r % 2 == 0 ? first : second;
                jobs.add(pool.submit(() -> {
                    await(start);
                    while (!stop.get()) {
                        try {
                            var page = store.ports().queries().listMovies(new ListQuery(new Sort(SortField.IMDB_RATING, true),
                                    null, PageRequest.first(50)));
                            store.ports().queries().findMovie(page.items().getFirst().movie().id()).orElseThrow();
                            store.ports().taskRuns().findLatest(TaskName.IMPORT_MOVIES);
                            reads.incrementAndGet();
                        } catch (Throwable t) {
                            failures.add(t);
                        }
                    }
                }));
            }

            start.countDown();
            Thread.sleep(RUN_FOR.toMillis());
            stop.set(true);
            for (Future<?> job : jobs) {
                job.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();

            assertThat(failures).as("failed reads or writes (e.g. SQLITE_BUSY / database is locked)").isEmpty();
            assertThat(reads.get()).isPositive();
            assertThat(moviesWritten.get()).isPositive();
            long stored = first.ports().queries().listMovies(ListQuery.firstPage()).total();
            assertThat(stored).as("every committed write is there").isEqualTo(200 + moviesWritten.get());
            assertThat(first.ports().taskRuns().listRuns(TaskName.IMPORT_MOVIES, PageRequest.first(1)).total())
                    .isEqualTo(runsWritten.get());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
