package io.freecast.catalog.port.in;

import java.time.Duration;
import java.util.Objects;

/**
 * Too many failed attempts for this account name or client address: try again after {@link #retryAfter()}
 * (HTTP 429 with {@code Retry-After}). The attempt was refused without looking at the credentials. It is
 * an {@link AuthenticationFailedException}, so a caller that handles only that still refuses it; catch this
 * one first to say when to come back.
 */
public class TooManyAttemptsException extends AuthenticationFailedException {

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("too many failed attempts; try again in " + Math.max(1, ceilSeconds(retryAfter)) + " s");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long to wait; never zero. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, at least 1: what {@code Retry-After} carries. */
    public long retryAfterSeconds() {
        return Math.max(1, ceilSeconds(retryAfter));
    }

    private static long ceilSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
