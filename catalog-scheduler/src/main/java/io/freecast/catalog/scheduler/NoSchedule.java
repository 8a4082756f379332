package io.freecast.catalog.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Never on a schedule; at most once at start-up when {@code startupDelay} is set. */
record NoSchedule(Duration startup) implements Schedule {

    NoSchedule {
        if (startup != null) {
            Schedule.requireStartupDelay(startup);
        }
    }

    @Override
    public Optional<Instant> nextSlotAfter(Instant instant) {
        return Optional.empty();
    }

    @Override
    public Optional<Instant> latestSlotAtOrBefore(Instant instant) {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> startupDelay() {
        return Optional.ofNullable(startup);
    }

    @Override
    public Schedule atStartup(Duration delay) {
        return new NoSchedule(Schedule.requireStartupDelay(delay));
    }

    @Override
    public String describe() {
        return startup == null ? ScheduleSyntax.OFF : ScheduleSyntax.STARTUP;
    }
}
