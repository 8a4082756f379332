package io.freecast.catalog.domain;

import java.util.Locale;

/**
 * The state of a task run: {@code running} only in the run log, while it runs. A run that ended is
 * {@code succeeded}, {@code failed} (its error says why), or {@code interrupted}: stopped before it ended
 * because its node was shutting down (its error says so; an import's transaction was rolled back).
 */
public enum TaskStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    INTERRUPTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
