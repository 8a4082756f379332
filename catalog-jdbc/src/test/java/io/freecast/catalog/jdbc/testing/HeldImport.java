package io.freecast.catalog.jdbc.testing;

import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An import of movies that holds its bulk transaction open, its rows written, until the test releases it — as a
 * large feed keeps an import's transaction open for minutes (on SQLite it holds the one writer). {@link #close()}
 * releases it too.
 */
public final class HeldImport implements AutoCloseable {

    private static final long LONGEST_HOLD_SECONDS = 60;

    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> finished;

    private HeldImport(JdbcCatalogStore store, List<MovieDraft> movies, CountDownLatch written) {
        finished = CompletableFuture.runAsync(() -> store.ports().transactions().inBulkTransaction(() -> {
            store.ports().movies().upsertAll(movies);
            written.countDown();
            try {
                release.await(LONGEST_HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }, note -> { }));
    }

    /** Starts the import and returns once it has written {@code movies}, its transaction still open. */
    public static HeldImport start(JdbcCatalogStore store, List<MovieDraft> movies) throws InterruptedException {
        CountDownLatch written = new CountDownLatch(1);
        HeldImport held = new HeldImport(store, movies, written);
        if (!written.await(LONGEST_HOLD_SECONDS, TimeUnit.SECONDS)) {
            held.close();
            throw new AssertionError("the import did not write its movies within " + LONGEST_HOLD_SECONDS + " s");
        }
        return held;
    }

    /** Lets the import commit and waits until it has. */
    public void commit() throws Exception {
        release.countDown();
        finished.get(LONGEST_HOLD_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        release.countDown();
    }
}
