package io.freecast.catalog.http.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard {@link HttpLinkChecker} may push.
 *
 * @param concurrency  requests in flight at once, over all hosts
 * @param perHostLimit requests in flight at once to one host, so a CDN that carries half the catalog is
 *                     never hammered (and never mistakes the check for an attack)
 * @param timeout      how long one request may take until its status line and headers arrive; a link
 *                     slower than that counts as a timeout failure
 */
public record LinkCheckSettings(int concurrency, int perHostLimit, Duration timeout) {

    public static final int DEFAULT_CONCURRENCY = 64;
    public static final int DEFAULT_PER_HOST_LIMIT = 4;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public LinkCheckSettings {
        if (concurrency < 1 || concurrency > 10_000) {
            throw new IllegalArgumentException("concurrency must be between 1 and 10000, got " + concurrency);
        }
        if (perHostLimit < 1) {
            throw new IllegalArgumentException("the per-host limit must be 1 or more, got " + perHostLimit);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
    }

    public static LinkCheckSettings defaults() {
        return new LinkCheckSettings(DEFAULT_CONCURRENCY, DEFAULT_PER_HOST_LIMIT, DEFAULT_TIMEOUT);
    }
}
