package io.freecast.catalog.port.out;

import java.time.Duration;

/**
 * Storage cannot do the work now because another writer holds what it needs — an import's transaction on SQLite's
 * one writer, or its row locks on PostgreSQL — as opposed to the database being away. Nothing was done; it passes
 * when that writer commits. An inbound adapter may say "busy" where it would say "unavailable".
 */
public class StorageBusyException extends StorageUnavailableException {

    /**
     * @param retryAfter how long the caller should wait before trying again (at least one second)
     */
    public StorageBusyException(String message, Duration retryAfter, Throwable cause) {
        super(message, retryAfter, cause);
    }
}
