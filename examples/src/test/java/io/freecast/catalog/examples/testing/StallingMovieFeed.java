package io.freecast.catalog.examples.testing;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A movies feed (of {@link FeedGenerator}'s items) that stalls part-way: it sends its first items, flushes them,
 * and waits until the test {@linkplain #release() releases} it (at most two minutes) before it sends the rest and
 * ends the array — so an import that reads it holds its transaction open meanwhile, with those items written.
 * Serve it with {@link LoopbackFeedServer#serve(String, LoopbackFeedServer.Handler)}.
 */
public final class StallingMovieFeed implements LoopbackFeedServer.Handler {

    private static final long LONGEST_STALL_SECONDS = 120;

    private final int sentBeforeStall;
    private final int total;
    private final CountDownLatch sent = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** Items {@code 0} to {@code sentBeforeStall} before the stall, then up to {@code total}. */
    public StallingMovieFeed(int sentBeforeStall, int total) {
        this.sentBeforeStall = sentBeforeStall;
        this.total = total;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody();
             JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartArray();
            FeedGenerator.movieItems(json, 0, sentBeforeStall);
            json.flush();
            sent.countDown();
            release.await(LONGEST_STALL_SECONDS, TimeUnit.SECONDS);
            FeedGenerator.movieItems(json, sentBeforeStall, total);
            json.writeEndArray();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the items before the stall were sent (and flushed) within {@code timeout}. */
    public boolean awaitSent(Duration timeout) throws InterruptedException {
        return sent.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the feed go on; safe to call more than once. */
    public void release() {
        release.countDown();
    }
}
