package io.freecast.catalog.http.client;

import java.util.concurrent.TimeUnit;

/**
 * Spaces requests at least {@code 1/rate} seconds apart, across every thread that shares it: the
 * simplest rate limit a paid API's quota needs (a token bucket of one). Each caller reserves the next
 * free slot under a lock and sleeps outside it.
 */
final class RequestPacer {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    /** @param perSecond requests a second; {@code 0} for no limit */
    RequestPacer(double perSecond) {
        this.intervalNanos = perSecond == 0 || Double.isInfinite(perSecond) ? 0 : (long) (1e9 / perSecond);
    }

    void awaitTurn() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
