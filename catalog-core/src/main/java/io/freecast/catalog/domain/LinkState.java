package io.freecast.catalog.domain;

import java.time.Instant;

/**
 * What the last link checks found about a source.
 *
 * @param lastCheckedAt       when it was last checked; {@code null} if never
 * @param lastStatus          the last HTTP status seen; {@code null} if none (never checked, or no answer)
 * @param consecutiveFailures failures in a row since the last success (404/410 are not counted here:
 *                            they deactivate at once)
 * @param lastError           a one-line reason for the last failure; {@code null} after a success
 */
public record LinkState(Instant lastCheckedAt, Integer lastStatus, int consecutiveFailures, String lastError) {

    public static final LinkState NEVER_CHECKED = new LinkState(null, null, 0, null);

    public LinkState {
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must be >= 0");
        }
    }
}
