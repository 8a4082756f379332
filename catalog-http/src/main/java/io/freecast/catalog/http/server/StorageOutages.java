package io.freecast.catalog.http.server;

import io.freecast.catalog.port.out.StorageUnavailableException;

/**
 * Finding the core's "storage unavailable" in a failure, wherever a layer wrapped it, and its
 * {@code Retry-After} in whole seconds. Public for the admin mounted beside the API, which answers it too.
 */
public final class StorageOutages {

    private static final int MAX_DEPTH = 16;

    private StorageOutages() {
    }

    /** The {@link StorageUnavailableException} {@code failure} is or wraps; null when there is none. */
    public static StorageUnavailableException find(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof StorageUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }

    /** The value of a {@code Retry-After} header: whole seconds, rounded up, at least 1. */
    public static String retryAfterSeconds(StorageUnavailableException unavailable) {
        long millis = unavailable.retryAfter().toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
