package io.freecast.catalog.scheduler;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether a scheduled run that failed is tried again before its next slot: up to {@code maxRetries}
 * times, waiting {@code firstDelay}, then {@code multiplier} times longer each time, never longer than
 * {@code maxDelay}. A retry that would start at or after the task's next slot is not made: the slot
 * runs instead.
 */
public record RetryPolicy(int maxRetries, Duration firstDelay, double multiplier, Duration maxDelay) {

    private static final RetryPolicy NONE = new RetryPolicy(0, Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1));

    public RetryPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxRetries < 0 || maxRetries > 100) {
            throw new IllegalArgumentException("maxRetries must be between 0 and 100, got " + maxRetries);
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("retry delays must be positive and maxDelay >= firstDelay, got "
                    + firstDelay + " and " + maxDelay);
        }
        if (!(multiplier >= 1.0 && multiplier <= 100.0)) {
            throw new IllegalArgumentException("multiplier must be between 1 and 100, got " + multiplier);
        }
    }

    /** No retries: a failed run waits for its next slot (the default). */
    public static RetryPolicy none() {
        return NONE;
    }

    /** Up to {@code maxRetries} retries after {@code firstDelay}, doubling each time, at most an hour apart. */
    public static RetryPolicy exponential(int maxRetries, Duration firstDelay) {
        Duration cap = Duration.ofHours(1);
        return new RetryPolicy(maxRetries, firstDelay, 2.0, firstDelay.compareTo(cap) > 0 ? firstDelay : cap);
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delayBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1");
        }
        double millis = firstDelay.toMillis() * Math.pow(multiplier, retry - 1);
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }
}
