package io.freecast.catalog.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The scheduler's sense of time: what time it is, and waiting for a time to come. The system one reads
 * the wall clock; tests give a manual one so they decide when time passes.
 */
public interface TimeSource {

    Instant now();

    /**
     * Waits until {@link #now()} is at or after {@code deadline}, or less (a caller checks again and waits
     * more); returns at once when the deadline has passed.
     *
     * @throws InterruptedException when the scheduler is being stopped
     */
    void sleepUntil(Instant deadline) throws InterruptedException;

    /** The system clock (UTC). */
    static TimeSource system() {
        return of(Clock.systemUTC());
    }

    /**
     * A clock that moves by itself, waited on with {@link Thread#sleep}. Each wait is at most a minute, so a
     * wall-clock adjustment is noticed within a minute.
     */
    static TimeSource of(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return new TimeSource() {
            private static final Duration LONGEST_SLEEP = Duration.ofMinutes(1);

            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void sleepUntil(Instant deadline) throws InterruptedException {
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    return;
                }
                Thread.sleep(left.compareTo(LONGEST_SLEEP) > 0 ? LONGEST_SLEEP : left);
            }
        };
    }
}
