package io.freecast.catalog.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a task as the run log keeps it.
 *
 * @param node       the name of the process that ran it (host name by default)
 * @param finishedAt {@code null} while it runs
 * @param counts     the report's counts; empty while it runs
 * @param error      why it failed; {@code null} otherwise
 */
public record TaskRun(long id, TaskName task, String node, Instant startedAt, Instant finishedAt, TaskStatus status,
                      Map<String, Long> counts, String error) {

    public TaskRun {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }
}
