package io.freecast.catalog.scheduler;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A standard 5-field Unix cron expression (minute hour day-of-month month day-of-week), parsed and
 * evaluated by cron-utils in one fixed zone.
 */
record CronSchedule(String expression, ZoneId zone, ExecutionTime executionTime, Duration startup)
        implements Schedule {

    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** Longer than any real cron line; refuses pasted garbage before the parser sees it. */
    private static final int MAX_LENGTH = 200;

    CronSchedule {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(executionTime, "executionTime");
        if (startup != null) {
            Schedule.requireStartupDelay(startup);
        }
    }

    static CronSchedule parse(String expression, ZoneId zone, Duration startupDelay) {
        Objects.requireNonNull(expression, "expression");
        String trimmed = expression.strip().replaceAll("\\s+", " ");
        if (trimmed.length() > MAX_LENGTH || trimmed.split(" ").length != 5) {
            throw new IllegalArgumentException("'" + abbreviate(expression) + "' is not a cron expression: "
                    + "use the 5 Unix fields 'minute hour day-of-month month day-of-week', e.g. '0 */6 * * *'");
        }
        Cron cron;
        try {
            cron = UNIX.parse(trimmed).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a valid cron expression: " + e.getMessage()
                    + " (5 Unix fields 'minute hour day-of-month month day-of-week', e.g. '0 */6 * * *')", e);
        }
        return new CronSchedule(trimmed, zone, ExecutionTime.forCron(cron), startupDelay);
    }

    @Override
    public Optional<Instant> nextSlotAfter(Instant instant) {
        // Asked again from the answer in case the library ever answers "at" rather than "after".
        ZonedDateTime at = instant.atZone(zone);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<ZonedDateTime> next = executionTime.nextExecution(at);
            if (next.isEmpty() || next.get().toInstant().isAfter(instant)) {
                return next.map(ZonedDateTime::toInstant);
            }
            at = next.get().plusSeconds(1);
        }
        return Optional.empty();
    }

    @Override
    public Optional<Instant> latestSlotAtOrBefore(Instant instant) {
        ZonedDateTime at = instant.atZone(zone);
        if (executionTime.isMatch(at.truncatedTo(ChronoUnit.MINUTES))) {
            return Optional.of(at.truncatedTo(ChronoUnit.MINUTES).toInstant());
        }
        return executionTime.lastExecution(at).map(ZonedDateTime::toInstant);
    }

    @Override
    public Optional<Duration> startupDelay() {
        return Optional.ofNullable(startup);
    }

    @Override
    public Schedule atStartup(Duration delay) {
        return new CronSchedule(expression, zone, executionTime, Schedule.requireStartupDelay(delay));
    }

    @Override
    public String describe() {
        String text = zone.equals(ZoneOffset.UTC) ? expression : expression + " (" + zone.getId() + ")";
        return startup == null ? text : ScheduleSyntax.STARTUP + "+" + text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronSchedule that && expression.equals(that.expression) && zone.equals(that.zone)
                && Objects.equals(startup, that.startup);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expression, zone, startup);
    }

    @Override
    public String toString() {
        return "CronSchedule[" + describe() + "]";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
