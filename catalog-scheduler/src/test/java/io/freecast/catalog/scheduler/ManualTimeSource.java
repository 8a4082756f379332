package io.freecast.catalog.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Time that moves only when a test says so. Sleepers wake when {@link #advanceTo} reaches their
 * deadline; {@link #awaitSleepers} lets a test wait until the scheduler has settled into its next sleep.
 */
final class ManualTimeSource implements TimeSource {

    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(20);

    private Instant now;
    private final Map<Thread, Instant> sleepers = new HashMap<>();

    ManualTimeSource(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleepUntil(Instant deadline) throws InterruptedException {
        sleepers.put(Thread.currentThread(), deadline);
        notifyAll();
        try {
            while (now.isBefore(deadline)) {
                wait();
            }
        } finally {
            sleepers.remove(Thread.currentThread());
            notifyAll();
        }
    }

    synchronized void advanceTo(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("time does not go back in these tests");
        }
        now = instant;
        notifyAll();
    }

    synchronized void advance(Duration duration) {
        advanceTo(now.plus(duration));
    }

    /** Waits (in real time, bounded) until {@code count} threads sleep toward a deadline still ahead. */
    synchronized void awaitSleepers(int count) throws InterruptedException {
        long limit = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (sleepersAhead() != count) {
            long left = limit - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " sleeping scheduler threads, found " + sleepersAhead()
                        + " " + sleepers);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized Map<Thread, Instant> sleepers() {
        return Map.copyOf(sleepers);
    }

    private int sleepersAhead() {
        return (int) sleepers.values().stream().filter(deadline -> deadline.isAfter(now)).count();
    }

    Clock asClock() {
        ManualTimeSource source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return source.now();
            }
        };
    }
}
