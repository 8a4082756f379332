package io.freecast.catalog.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * When a task runs: every fixed interval, on a cron expression, or not at all — each optionally also
 * once when the scheduler starts.
 *
 * <p>Slots (the instants a schedule fires at) depend only on the schedule, never on when a node started,
 * so every node of a deployment computes the same slots and can agree which of them runs each one:
 * interval slots are whole multiples of the interval since an anchor (the Unix epoch by default, so
 * {@code 24h} fires at 00:00 UTC and {@code 3m} at :00, :03, :06 …); cron slots are evaluated in one
 * fixed zone (UTC by default).
 *
 * <p>Text form, as an application reads it from its configuration
 * ({@link #parse(String)}): {@code off}; an interval {@code 90s}, {@code 3m}, {@code 6h}, {@code 1d} or
 * ISO-8601 {@code PT3M}; a standard 5-field Unix cron expression {@code 0 *&#47;6 * * *}; any of these
 * prefixed by {@code startup+} to also run once at start-up ({@code startup+24h}); or {@code startup}
 * alone to run only at start-up.
 */
public sealed interface Schedule permits IntervalSchedule, CronSchedule, NoSchedule {

    /** Intervals shorter than this are refused: they would hammer the database and the outside world. */
    Duration MIN_INTERVAL = Duration.ofSeconds(1);

    /** Longer intervals are refused: they are typing mistakes, and cron says "yearly" better. */
    Duration MAX_INTERVAL = Duration.ofDays(366);

    /** The first slot strictly after {@code instant}; empty when the schedule never fires. */
    Optional<Instant> nextSlotAfter(Instant instant);

    /** The newest slot at or before {@code instant}; empty when there is none. */
    Optional<Instant> latestSlotAtOrBefore(Instant instant);

    /** How long after start-up the start-up run happens; empty when there is no start-up run. */
    Optional<Duration> startupDelay();

    /** The same schedule, also running once as soon as the scheduler starts. */
    default Schedule atStartup() {
        return atStartup(Duration.ZERO);
    }

    /** The same schedule, also running once {@code delay} after the scheduler starts. */
    Schedule atStartup(Duration delay);

    /** The schedule in the text form {@link #parse(String)} reads, e.g. {@code startup+24h}. */
    String describe();

    /** Every {@code interval}, in slots aligned to the Unix epoch. */
    static Schedule every(Duration interval) {
        return new IntervalSchedule(interval, Instant.EPOCH, null);
    }

    /** Every {@code interval}, in slots {@code anchor + k × interval}. */
    static Schedule every(Duration interval, Instant anchor) {
        return new IntervalSchedule(interval, anchor, null);
    }

    /** A standard 5-field Unix cron expression, evaluated in UTC. */
    static Schedule cron(String expression) {
        return cron(expression, ZoneOffset.UTC);
    }

    /** A standard 5-field Unix cron expression, evaluated in {@code zone} (the same on every node). */
    static Schedule cron(String expression, ZoneId zone) {
        return CronSchedule.parse(expression, zone, null);
    }

    /** Never on a schedule (the task still runs when asked for). */
    static Schedule off() {
        return new NoSchedule(null);
    }

    /**
     * Reads the text form described on this interface.
     *
     * @throws IllegalArgumentException saying what is accepted, for anything else
     */
    static Schedule parse(String spec) {
        return ScheduleSyntax.parse(spec);
    }

    /**
     * Reads a duration in the grammar schedules write intervals in, which is meant to be the one grammar of
     * every duration an operator types: {@code 0}, {@code 1500ms}, {@code 90s}, {@code 3m}, {@code 6h},
     * {@code 1d} or ISO-8601 {@code PT3M}. Whether the value is in range is the caller's to check.
     *
     * @throws IllegalArgumentException for anything else, saying what is accepted
     */
    static Duration parseDuration(String text) {
        Duration duration = text == null || text.isBlank() || text.length() > 40 ? null : ScheduleSyntax.duration(text);
        if (duration == null) {
            throw new IllegalArgumentException((text == null ? "nothing" : "'" + text + "'") + " is not "
                    + ScheduleSyntax.DURATIONS);
        }
        return duration;
    }

    static Duration requireStartupDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the start-up delay must not be negative, got " + delay);
        }
        return delay;
    }
}
