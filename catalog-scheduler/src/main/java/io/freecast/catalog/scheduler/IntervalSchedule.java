package io.freecast.catalog.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Every {@code interval}, in slots {@code anchor + k × interval} (k any integer).
 *
 * @param startup      when to run once after start-up; {@code null} for no start-up run
 */
record IntervalSchedule(Duration interval, Instant anchor, Duration startup) implements Schedule {

    IntervalSchedule {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(anchor, "anchor");
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("an interval must be at least " + ScheduleSyntax.format(MIN_INTERVAL)
                    + ", got " + interval);
        }
        if (interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("an interval must be at most " + ScheduleSyntax.format(MAX_INTERVAL)
                    + ", got " + interval);
        }
        if (interval.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException("an interval must be a whole number of milliseconds, got " + interval);
        }
        if (startup != null) {
            Schedule.requireStartupDelay(startup);
        }
    }

    @Override
    public Optional<Instant> nextSlotAfter(Instant instant) {
        return Optional.of(slot(Math.floorDiv(millisSinceAnchor(instant), interval.toMillis()) + 1));
    }

    @Override
    public Optional<Instant> latestSlotAtOrBefore(Instant instant) {
        return Optional.of(slot(Math.floorDiv(millisSinceAnchor(instant), interval.toMillis())));
    }

    @Override
    public Optional<Duration> startupDelay() {
        return Optional.ofNullable(startup);
    }

    @Override
    public Schedule atStartup(Duration delay) {
        return new IntervalSchedule(interval, anchor, Schedule.requireStartupDelay(delay));
    }

    @Override
    public String describe() {
        String every = ScheduleSyntax.format(interval);
        if (!anchor.equals(Instant.EPOCH)) {
            every += " from " + anchor;
        }
        return startup == null ? every : ScheduleSyntax.STARTUP + "+" + every;
    }

    /**
     * Whole milliseconds since the anchor, rounded down, so an instant a few nanoseconds after a slot
     * still belongs to that slot.
     */
    private long millisSinceAnchor(Instant instant) {
        return Math.floorDiv(Duration.between(anchor, instant).toNanos(), 1_000_000L);
    }

    private Instant slot(long index) {
        return anchor.plusMillis(Math.multiplyExact(index, interval.toMillis()));
    }
}
