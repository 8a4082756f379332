package io.freecast.catalog.http.client;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces requests at least {@code 1/rate} seconds apart, across every thread that shares it: the
 * simplest rate limit a paid API's quota needs (a token bucket of one). Each caller reserves the next
 * free slot under a lock and sleeps outside it.
 */
final class RequestPacer {

    /** Sleeps for a number of nanoseconds; tests pass one that only moves a fake clock. */
    @FunctionalInterface
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextSlot;

    /** @param perSecond requests a second; {@code 0} for no limit */
    RequestPacer(double perSecond) {
        this(perSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    RequestPacer(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.intervalNanos = perSecond == 0 || Double.isInfinite(perSecond) ? 0 : (long) (1e9 / perSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.nextSlot = nanoTime.getAsLong();
    }

    void awaitTurn() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            slot = Math.max(nanoTime.getAsLong(), nextSlot);
            nextSlot = slot + intervalNanos;
        }
        long wait = slot - nanoTime.getAsLong();
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }
}
