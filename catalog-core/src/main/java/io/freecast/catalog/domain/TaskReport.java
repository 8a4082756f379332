package io.freecast.catalog.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of a task did. Every run, successful or not, produces one and the run log keeps it.
 *
 * @param counts     named counts in a stable order ({@code created}, {@code updated}, {@code unchanged},
 *                   {@code rejected}, …); which names appear depends on the task
 * @param rejections the rejected items with their reasons (a run may keep only the first ones and say so
 *                   in {@code notes}; {@code counts.rejected} is always the full number)
 * @param notes      remarks a person should read, e.g. "ratings are random placeholders"
 * @param error      the one-line reason a failed run failed, or why an interrupted one was stopped; {@code null}
 *                   when it succeeded
 */
public record TaskReport(TaskName task, Instant startedAt, Instant finishedAt, TaskStatus status,
                         Map<String, Long> counts, List<Rejection> rejections, List<String> notes, String error) {

    public TaskReport {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(status, "status");
        if (status == TaskStatus.RUNNING) {
            throw new IllegalArgumentException("a report is made when a run has ended");
        }
        if ((status != TaskStatus.SUCCEEDED) != (error != null)) {
            throw new IllegalArgumentException("a failed or interrupted report has an error and a succeeded one has none");
        }
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        rejections = List.copyOf(rejections);
        notes = List.copyOf(notes);
    }

    public static TaskReport succeeded(TaskName task, Instant startedAt, Instant finishedAt, Map<String, Long> counts,
                                       List<Rejection> rejections, List<String> notes) {
        return new TaskReport(task, startedAt, finishedAt, TaskStatus.SUCCEEDED, counts, rejections, notes, null);
    }

    public static TaskReport failed(TaskName task, Instant startedAt, Instant finishedAt, String error) {
        return new TaskReport(task, startedAt, finishedAt, TaskStatus.FAILED, Map.of(), List.of(), List.of(), error);
    }

    /**
     * A run stopped before it ended because its node was shutting down: {@code reason} says so, and what
     * the run did before is kept in {@code counts} and {@code notes} (e.g. that its transaction was rolled back).
     */
    public static TaskReport interrupted(TaskName task, Instant startedAt, Instant finishedAt, Map<String, Long> counts,
                                         List<String> notes, String reason) {
        return new TaskReport(task, startedAt, finishedAt, TaskStatus.INTERRUPTED, counts, List.of(), notes, reason);
    }

    public boolean succeeded() {
        return status == TaskStatus.SUCCEEDED;
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** A count by name, 0 when the task did not report it. */
    public long count(String name) {
        return counts.getOrDefault(name, 0L);
    }
}
