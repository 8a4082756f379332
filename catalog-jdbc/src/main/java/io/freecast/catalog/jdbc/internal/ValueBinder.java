package io.freecast.catalog.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The one way values go into statements and dates and times come out, for every path that writes or reads
 * (jOOQ's queries through {@link UtcTimestampBinding}, {@link JdbcInsert}'s batches, {@link RenderedSelect}'s
 * parameters, {@link ResultSetRows}), so a row reads back identically whichever path wrote it.
 *
 * <p>Times are UTC {@link LocalDateTime}s (see {@link Rows#toDb}) and never pass through
 * {@code java.sql.Timestamp}: its conversions use the JVM's time zone, so a UTC 02:30 on a day the local
 * clocks jump from 02:00 to 03:00 would become 03:30. On SQLite, where dates and times are text, they are
 * written as {@code 2026-11-24} and {@code 2026-11-24 23:05:42.042} (the form earlier versions wrote, so
 * existing rows sort and compare with new ones); PostgreSQL's driver takes and gives {@code java.time}
 * values as they are.
 */
final class ValueBinder {

    private final boolean datesAsText;

    ValueBinder(boolean datesAsText) {
        this.datesAsText = datesAsText;
    }

    /** Whether dates and times are text in this database (SQLite). */
    boolean datesAsText() {
        return datesAsText;
    }

    /** Binds a value of one of the schema's types; {@code null} with {@code sqlType}, as PostgreSQL needs. */
    void bind(PreparedStatement statement, int index, Object value, int sqlType) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, sqlType);
            case String s -> statement.setString(index, s);
            case Long l -> statement.setLong(index, l);
            case Integer n -> statement.setInt(index, n);
            case Double d -> statement.setDouble(index, d);
            case Boolean b -> statement.setBoolean(index, b);
            case LocalDateTime t when datesAsText -> statement.setString(index, text(t));
            case LocalDate d when datesAsText -> statement.setString(index, d.toString());
            case LocalDateTime t -> statement.setObject(index, t);
            case LocalDate d -> statement.setObject(index, d);
            default -> throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
        }
    }

    /** A UTC time as stored: text on SQLite, {@code timestamp} on PostgreSQL. */
    LocalDateTime time(ResultSet rs, int column) throws SQLException {
        if (!datesAsText) {
            return rs.getObject(column, LocalDateTime.class);
        }
        String text = rs.getString(column);
        return text == null ? null : ResultSetRows.parseTime(text);
    }

    /**
     * {@code 2026-11-24 23:05:42.042}: the date, a space, the time to the second, and the fraction without
     * its trailing zeros but with at least one digit ({@code .0}) — what SQLite has always been given.
     */
    static String text(LocalDateTime time) {
        StringBuilder text = new StringBuilder(29).append(time.toLocalDate()).append(' ');
        pad(text, time.getHour()).append(':');
        pad(text, time.getMinute()).append(':');
        pad(text, time.getSecond()).append('.');
        int nanos = time.getNano();
        if (nanos == 0) {
            return text.append('0').toString();
        }
        String fraction = Integer.toString(1_000_000_000 + nanos).substring(1);
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') {
            end--;
        }
        return text.append(fraction, 0, end).toString();
    }

    private static StringBuilder pad(StringBuilder text, int twoDigits) {
        return text.append((char) ('0' + twoDigits / 10)).append((char) ('0' + twoDigits % 10));
    }
}
