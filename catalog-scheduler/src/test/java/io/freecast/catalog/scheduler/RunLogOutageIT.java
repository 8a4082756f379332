package io.freecast.catalog.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.domain.TaskRun;
import io.freecast.catalog.domain.TaskStatus;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import io.freecast.catalog.port.out.FeedItem;
import io.freecast.catalog.port.out.FeedReader;
import io.freecast.catalog.testing.Drafts;
import io.freecast.catalog.testing.InMemoryLinkChecker;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run log tells the truth through a real database outage, with the scheduler running: an import whose
 * database goes away mid-way, and the scheduled slots that come while it is away, all end up in the run log
 * with their real cause once it is back — none left {@code running}, none closed as "abandoned".
 *
 * <p>PostgreSQL is made unreachable by a {@link TcpRelay} the test cuts (open connections break, new ones are
 * refused) and restores; the server is never touched. SQLite is made unwritable by a full disk: its file
 * lives on a small tmpfs the test mounts (so it needs root; skipped, saying so, otherwise) and fills.
 */
class RunLogOutageIT {

    private static final FeedLocation MOVIES = FeedLocation.parse("movies.json");
    private static final int FEED_SIZE = 1_200;
    /** After the first batch (500) was written inside the import's transaction. */
    private static final int CUT_AT_ITEM = 700;
    private static final Duration OUTAGE = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    /** What makes the database unreachable, and brings it back. */
    private interface Outage {
        void begin() throws IOException;

        void end() throws IOException;
    }

    @Test
    void onPostgresEveryRunStartedDuringTheOutageIsRecordedWithItsRealCause() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            db.open().close();   // migrated, through the direct URL
            URI server = URI.create(db.url().substring("jdbc:".length()));
            try (TcpRelay relay = new TcpRelay(server.getHost(), server.getPort())) {
                String throughRelay = db.url().replace(server.getHost() + ":" + server.getPort(),
                        "127.0.0.1:" + relay.port());
                JdbcCatalogStore store = JdbcCatalogStore.builder(throughRelay)
                        .connectionTimeout(Duration.ofSeconds(2)).open();
                runThroughAnOutage(store, new Outage() {
                    @Override
                    public void begin() {
                        relay.cut();
                    }

                    @Override
                    public void end() {
                        relay.restore();
                    }
                });
            }
        }
    }

    @Test
    void onSqliteEveryRunStartedWhileTheDiskIsFullIsRecordedWithItsRealCause() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("small-disk"));
        if (!mountTmpfs(mount)) {
            Assumptions.abort("mounting a small tmpfs (to fill the disk under SQLite) needs root; this SQLite "
                    + "outage test is skipped");
        }
        try {
            Path filler = mount.resolve("filler");
            JdbcCatalogStore store = JdbcCatalogStore.builder("jdbc:sqlite:" + mount.resolve("catalog.db"))
                    .connectionTimeout(Duration.ofSeconds(2)).busyTimeout(Duration.ofSeconds(2)).open();
            runThroughAnOutage(store, new Outage() {
                @Override
                public void begin() throws IOException {
                    fill(filler);
                }

                @Override
                public void end() throws IOException {
                    Files.delete(filler);
                }
            });
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void runThroughAnOutage(JdbcCatalogStore store, Outage outage) throws Exception {
        Instant[] window = new Instant[2];
        FeedReader feed = cuttingFeed(() -> {
            try {
                outage.begin();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            window[0] = Instant.now();
            return null;
        });
        try (Catalog catalog = Catalog.builder().storage(store).nodeName("outage-node").feedReader(feed)
                .moviesFeed(MOVIES).linkChecker(new InMemoryLinkChecker()).build();
             CatalogScheduler scheduler = CatalogScheduler.builder(catalog).onlyTasks(List.of(TaskName.VALIDATE_SOURCES))
                     .schedule(TaskName.VALIDATE_SOURCES, Schedule.every(Duration.ofSeconds(1)))
                     .lease(Duration.ofSeconds(30)).shutdownTimeout(Duration.ofSeconds(20)).build()) {
            scheduler.start();
            awaitUntil(() -> runs(catalog, TaskName.VALIDATE_SOURCES).stream()
                    .anyMatch(run -> run.status() == TaskStatus.SUCCEEDED), "a scheduled run succeeded before");

            TaskReport report = catalog.tasks().runNow(TaskName.IMPORT_MOVIES);
            assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
            Thread.sleep(OUTAGE.toMillis());   // scheduled slots come while the database is away
            outage.end();
            window[1] = Instant.now();

            awaitUntil(() -> runs(catalog, TaskName.IMPORT_MOVIES).stream()
                    .noneMatch(run -> run.status() == TaskStatus.RUNNING), "the import's end was written");
            TaskRun imported = runs(catalog, TaskName.IMPORT_MOVIES).getFirst();
            assertThat(imported.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(imported.error()).as("the real cause, as the caller heard it").isEqualTo(report.error())
                    .doesNotContain("abandoned");
            assertThat(imported.finishedAt()).isBefore(window[1]);
            assertThat(catalog.queries().listMovies(ListQuery.firstPage()).items()).as("rolled back").isEmpty();

            awaitUntil(() -> runs(catalog, TaskName.VALIDATE_SOURCES).stream().anyMatch(run -> run.error() != null
                    && run.error().startsWith("could not start: ")), "a slot in the outage was recorded");
            scheduler.stop(Duration.ofSeconds(20));
            // An outcome still waiting is written by the background retry (1 s, then doubling). A slot that could not
            // start is written as its start, then its end: seen once in CI right after the outage, the retry wrote a
            // slot's start, its end did not go through on that attempt, and this check read the row in between.
            awaitUntil(() -> runs(catalog, TaskName.VALIDATE_SOURCES).stream()
                    .noneMatch(run -> run.status() == TaskStatus.RUNNING), "every slot's outcome was written");
            List<TaskRun> slots = runs(catalog, TaskName.VALIDATE_SOURCES);
            assertThat(slots).noneMatch(run -> run.status() == TaskStatus.RUNNING)
                    .noneMatch(run -> run.error() != null && run.error().contains("abandoned"));
            assertThat(slots.getFirst().status()).as("served again after the outage").isEqualTo(TaskStatus.SUCCEEDED);
            // The store refuses until its circuit's probe sees the database again (a second or a few after the
            // relay is restored), so a slot in that gap fails too: the outage as the server lived it.
            Instant servedAgain = slots.getFirst().startedAt();
            assertThat(servedAgain).isAfter(window[1].minusMillis(1));
            assertThat(slots).filteredOn(run -> run.status() == TaskStatus.FAILED).isNotEmpty().allSatisfy(run -> {
                assertThat(run.error()).startsWith("could not start: ").hasSizeGreaterThan("could not start: ".length());
                assertThat(run.startedAt()).isBetween(window[0].minusSeconds(1), servedAgain);
                assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
            });
        }
    }

    private static List<TaskRun> runs(Catalog catalog, TaskName task) {
        return catalog.taskRuns(task, PageRequest.first(200)).items();
    }

    /** A movies feed that makes the database unreachable at {@value #CUT_AT_ITEM}, once. */
    private static FeedReader cuttingFeed(Supplier<Void> cut) {
        return new FeedReader() {
            @Override
            public void readShows(FeedLocation location, Consumer<FeedItem<ShowDraft>> sink) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void readMovies(FeedLocation location, Consumer<FeedItem<MovieDraft>> sink) {
                for (int i = 0; i < FEED_SIZE; i++) {
                    if (i == CUT_AT_ITEM) {
                        cut.get();
                    }
                    sink.accept(new FeedItem.Accepted<>(i, "m" + i, Drafts.movie("m" + i, "Movie " + i)));
                }
            }
        };
    }

    private static boolean mountTmpfs(Path mount) throws Exception {
        try {
            Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString())
                    .redirectErrorStream(true).start();
            return mounting.waitFor(30, TimeUnit.SECONDS) && mounting.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes {@code filler} until the disk is full. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!Files.exists(filler)) {
                throw full;
            }
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!answers(done)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited 90 s for: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** The test's own reads go through the same pool, which takes a moment to reconnect once the database is back. */
    private static boolean answers(java.util.function.BooleanSupplier done) {
        try {
            return done.getAsBoolean();
        } catch (RuntimeException stillComingBack) {
            return false;
        }
    }
}
