package io.freecast.catalog.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An import's transaction held open on another thread: on SQLite it holds the one writer until {@link #close()}
 * commits it, so a person's write meanwhile is refused as busy after the store's interactive wait.
 */
final class HeldWriter implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> importing;

    private HeldWriter(JdbcCatalogStore store) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        importing = CompletableFuture.runAsync(() -> store.ports().transactions().inBulkTransaction(() -> {
            holding.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }, note -> { }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).as("the import's transaction began").isTrue();
    }

    /** Returns once the bulk transaction holds the writer. */
    static HeldWriter hold(JdbcCatalogStore store) throws InterruptedException {
        return new HeldWriter(store);
    }

    /** Lets the transaction commit, and waits until it has. */
    @Override
    public void close() throws Exception {
        release.countDown();
        importing.get(30, TimeUnit.SECONDS);
    }
}
