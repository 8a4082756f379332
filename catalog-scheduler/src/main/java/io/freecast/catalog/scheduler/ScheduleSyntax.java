package io.freecast.catalog.scheduler;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text form of a {@link Schedule}: parsing what operators type, and writing it back. */
final class ScheduleSyntax {

    static final String OFF = "off";
    static final String STARTUP = "startup";

    private static final int MAX_LENGTH = 200;
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");
    static final String DURATIONS = "a duration such as 500ms, 90s, 3m, 6h, 1d, ISO-8601 PT3M, or 0";
    private static final String ACCEPTED = "use 'off', an interval like '90s', '3m', '6h', '1d' or 'PT3M', "
            + "a 5-field cron expression like '0 */6 * * *', optionally prefixed by 'startup+' "
            + "(e.g. 'startup+24h'), or 'startup' alone";

    private ScheduleSyntax() {
    }

    static Schedule parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("a schedule is empty: " + ACCEPTED);
        }
        if (spec.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a schedule is " + spec.length() + " characters long: " + ACCEPTED);
        }
        String text = spec.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals(STARTUP)) {
            return Schedule.off().atStartup();
        }
        if (lower.startsWith(STARTUP + "+")) {
            return parseRecurring(text.substring(STARTUP.length() + 1).strip()).atStartup();
        }
        return parseRecurring(text);
    }

    private static Schedule parseRecurring(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals(OFF)) {
            return Schedule.off();
        }
        if (text.contains(" ")) {
            return Schedule.cron(text);
        }
        return Schedule.every(parseDuration(text));
    }

    static Duration parseDuration(String text) {
        Duration duration = duration(text);
        if (duration == null) {
            throw new IllegalArgumentException("'" + text + "' is not a schedule: " + ACCEPTED);
        }
        return duration;
    }

    /**
     * The one duration grammar of every setting an operator types (intervals, leases, timeouts, cache
     * lifetimes): {@code 0}; a whole number of {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}
     * ({@code 1500ms}, {@code 90s}, {@code 3m}), any case, a space allowed before the unit; or ISO-8601
     * ({@code PT3M}). Whether a value is in range is for the setting to say.
     *
     * @return the duration, or {@code null} when {@code text} is none
     */
    static Duration duration(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = SHORT_DURATION.matcher(lower);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        if (lower.startsWith("p")) {
            try {
                return Duration.parse(lower.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** The shortest exact short form: 2d, 24h, 6h, 3m, 90s, 1500ms (a day reads better as 24h). */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 86_400_000 == 0 && millis > 86_400_000) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
