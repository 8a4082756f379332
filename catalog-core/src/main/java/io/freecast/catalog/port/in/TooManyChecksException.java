package io.freecast.catalog.port.in;

import java.time.Duration;
import java.util.Objects;

/**
 * A link check asked for by hand ("check now") was refused before any request went out: the source is being
 * checked already, or the caller has asked for more checks than a person clicking through dead links would.
 * Try again after {@link #retryAfter()} (HTTP 429 with {@code Retry-After}); many links at once are
 * validate-sources' work, which checks within its concurrency, per-host limit and time budget.
 */
public class TooManyChecksException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyChecksException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long to wait; never zero. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, at least 1: what {@code Retry-After} carries. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
