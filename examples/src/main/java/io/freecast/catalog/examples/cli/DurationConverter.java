package io.freecast.catalog.examples.cli;

import io.freecast.catalog.scheduler.Schedule;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every duration option reads the one grammar schedules use ({@link Schedule#parseDuration}):
 * {@code 0}, {@code 500ms}, {@code 10s}, {@code 30m}, {@code 24h}, {@code 7d} or ISO-8601 {@code PT10S}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Schedule.parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
