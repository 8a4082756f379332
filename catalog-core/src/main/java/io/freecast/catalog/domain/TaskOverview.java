package io.freecast.catalog.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A task as an operator sees it: how it is scheduled, how it last ran, when it runs next.
 *
 * @param schedule     the schedule in words and syntax ({@code every 24h, at start-up},
 *                     {@code cron 0 *&#47;6 * * *}), or {@code off} when nothing runs it on a schedule
 * @param lastRun      the newest run, finished or still running; {@code null} when it never ran
 * @param lastFinished the newest finished run: its status is the task's last result; {@code null} when
 *                     no run has finished yet
 * @param nextRun      when the scheduler runs it next; {@code null} when it is not scheduled
 * @param running      whether a run is under way, on this node or (as the run log says) on another one
 */
public record TaskOverview(TaskName task, String schedule, TaskRun lastRun, TaskRun lastFinished, Instant nextRun,
                           boolean running) {

    public static final String UNSCHEDULED = "off";

    public TaskOverview {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(schedule, "schedule");
    }

    public Optional<TaskRun> findLastRun() {
        return Optional.ofNullable(lastRun);
    }

    public Optional<TaskRun> findLastFinished() {
        return Optional.ofNullable(lastFinished);
    }

    public Optional<Instant> findNextRun() {
        return Optional.ofNullable(nextRun);
    }

    /** The last result ({@code succeeded}, {@code failed} or {@code interrupted}), empty when no run has finished. */
    public Optional<TaskStatus> lastResult() {
        return findLastFinished().map(TaskRun::status);
    }

    public boolean scheduled() {
        return !UNSCHEDULED.equals(schedule);
    }
}
