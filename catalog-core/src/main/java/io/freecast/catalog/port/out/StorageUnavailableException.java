package io.freecast.catalog.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * Storage cannot do the work now, for a reason that passes by itself (the database server cannot be reached,
 * the disk is full), as opposed to a bug or a broken rule: the caller may try again after
 * {@link #retryAfter()}. A storage adapter throws it from any port; an inbound adapter answers it as
 * "unavailable, try again" (HTTP 503 with {@code Retry-After}) rather than as a failure of its own. The
 * message is one line in plain words, without credentials.
 */
public class StorageUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    /**
     * @param retryAfter how long the caller should wait before trying again (at least one second)
     */
    public StorageUnavailableException(String message, Duration retryAfter, Throwable cause) {
        // No stack trace of its own: thousands are thrown during an outage, and the trace says nothing the
        // message does not. The cause, when there is one, keeps its own.
        super(message, cause, false, false);
        Objects.requireNonNull(retryAfter, "retryAfter");
        this.retryAfter = retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
    }

    /** How long to wait before trying again; at least one second. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
