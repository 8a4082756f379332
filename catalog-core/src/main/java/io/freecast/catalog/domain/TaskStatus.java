package io.freecast.catalog.domain;

import java.util.Locale;

/** The state of a task run: {@code running} only in the run log, while it runs. */
public enum TaskStatus {
    RUNNING,
    SUCCEEDED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
