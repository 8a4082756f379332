package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.domain.SourceType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Comparator;
import java.util.List;
import org.jooq.Field;

import static io.freecast.catalog.jdbc.internal.schema.Tables.EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.MOVIE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SEASON;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;

/**
 * The read side's rows, read straight from a JDBC result by column position into domain records: the
 * columns each record needs (select them in this order, from any offset), and the reading.
 *
 * <p>Why not jOOQ records: the API's profile showed most of a request's CPU going to jOOQ building a
 * record per row (and per nested MULTISET element, parsed back from JSON) only to copy
 * it into the domain record. Reading the few column types of this schema by position does the same
 * conversions jOOQ does, without the detour:
 *
 * <ul>
 *   <li>On SQLite, dates and times are text, written by {@link ValueBinder} as {@code 2026-11-24} and
 *       {@code 2026-11-24 23:05:42.042};
 *       they are parsed back from that text, with no time zone involved. PostgreSQL's driver gives
 *       {@code java.time} values as they are.</li>
 *   <li>Times are UTC, like {@link Rows#fromDb}; an unknown number ({@code NULL}) stays {@code null},
 *       never 0.</li>
 * </ul>
 */
final class ResultSetRows {

    static final List<Field<?>> SHOW_COLUMNS = List.of(SHOW.ID, SHOW.FEED_KEY, SHOW.EXTERNAL_ID, SHOW.SLUG, SHOW.TITLE,
            SHOW.DESCRIPTION, SHOW.IMAGE, SHOW.RELEASE_DATE, SHOW.IMDB_RATING, SHOW.KINOPOISK_RATING, SHOW.CREATED_AT,
            SHOW.UPDATED_AT, SHOW.LOCKED_FIELDS);
    static final List<Field<?>> MOVIE_COLUMNS = List.of(MOVIE.ID, MOVIE.FEED_KEY, MOVIE.EXTERNAL_ID, MOVIE.SLUG,
            MOVIE.TITLE, MOVIE.DESCRIPTION, MOVIE.IMAGE, MOVIE.RELEASE_DATE, MOVIE.RELEASE_YEAR, MOVIE.IMDB_RATING,
            MOVIE.KINOPOISK_RATING, MOVIE.CREATED_AT, MOVIE.UPDATED_AT, MOVIE.LOCKED_FIELDS);
    static final List<Field<?>> SEASON_COLUMNS = List.of(SEASON.ID, SEASON.SHOW_ID, SEASON.NUMBER, SEASON.DESCRIPTION,
            SEASON.LOCKED_FIELDS);
    static final List<Field<?>> EPISODE_COLUMNS = List.of(EPISODE.ID, EPISODE.SEASON_ID, EPISODE.NUMBER, EPISODE.TITLE,
            EPISODE.DESCRIPTION, EPISODE.RELEASE_DATE, EPISODE.LOCKED_FIELDS);
    static final List<Field<?>> SOURCE_COLUMNS = List.of(SOURCE.ID, SOURCE.MOVIE_ID, SOURCE.EPISODE_ID, SOURCE.URL,
            SOURCE.SOURCE_TYPE, SOURCE.PROVIDER, SOURCE.IS_ACTIVE, SOURCE.LAST_CHECKED_AT, SOURCE.LAST_STATUS,
            SOURCE.CONSECUTIVE_FAILURES, SOURCE.LAST_ERROR, SOURCE.LOCKED_FIELDS);

    private static final Comparator<Source> BY_ID = Comparator.comparingLong(Source::id);

    /**
     * One owner's sources put in id order, the order the API lists them in; in place, and returned. A statement
     * that reads them by owner gets them in its index's order (owner, url) and leaves the order to this: a sort of
     * a few rows in SQL (SQLite: a temporary b-tree) costs more than the statement's own reading of them.
     */
    static List<Source> inIdOrder(List<Source> sources) {
        if (sources.size() > 1) {
            sources.sort(BY_ID);
        }
        return sources;
    }

    /** {@code 2026-11-24 23:05:42.042}: how times are written on SQLite ({@link ValueBinder#text}). */
    private static final DateTimeFormatter SPACED_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();
    /** The ISO form, as SQLite's own date functions write it. */
    private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    /** Nanoseconds per unit of the last of n fraction digits, at index 9 - n (n = 1 … 9). */
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000};

    /** Text is read as bytes (see {@link #text}). */
    private final boolean textAsBytes;
    /** Dates and times are text, written by {@link ValueBinder}. */
    private final boolean datesAsText;

    ResultSetRows(DatabaseKind kind) {
        this.textAsBytes = kind.readsTextAsBytes();
        this.datesAsText = kind.binder().datesAsText();
    }

    /** A show from {@link #SHOW_COLUMNS}, the first of them at column {@code at} (1-based). */
    Show show(ResultSet rs, int at) throws SQLException {
        return new Show(rs.getLong(at), new FeedKey(text(rs, at + 1)), text(rs, at + 2), text(rs, at + 3),
                text(rs, at + 4), text(rs, at + 5), text(rs, at + 6), date(rs, at + 7),
                Rows.rating(nullableDouble(rs, at + 8)), Rows.rating(nullableDouble(rs, at + 9)),
                instant(rs, at + 10), instant(rs, at + 11), LockedColumn.fromDb(text(rs, at + 12)));
    }

    /** A movie from {@link #MOVIE_COLUMNS} at column {@code at}. */
    Movie movie(ResultSet rs, int at) throws SQLException {
        return new Movie(rs.getLong(at), new FeedKey(text(rs, at + 1)), text(rs, at + 2), text(rs, at + 3),
                text(rs, at + 4), text(rs, at + 5), text(rs, at + 6), date(rs, at + 7),
                nullableInt(rs, at + 8), Rows.rating(nullableDouble(rs, at + 9)),
                Rows.rating(nullableDouble(rs, at + 10)), instant(rs, at + 11), instant(rs, at + 12),
                LockedColumn.fromDb(text(rs, at + 13)));
    }

    /** A season from {@link #SEASON_COLUMNS} at column {@code at}. */
    Season season(ResultSet rs, int at) throws SQLException {
        return new Season(rs.getLong(at), rs.getLong(at + 1), rs.getInt(at + 2), text(rs, at + 3),
                LockedColumn.fromDb(text(rs, at + 4)));
    }

    /** An episode from {@link #EPISODE_COLUMNS} at column {@code at}. */
    Episode episode(ResultSet rs, int at) throws SQLException {
        return new Episode(rs.getLong(at), rs.getLong(at + 1), rs.getInt(at + 2), text(rs, at + 3),
                text(rs, at + 4), date(rs, at + 5), LockedColumn.fromDb(text(rs, at + 6)));
    }

    /** A source from {@link #SOURCE_COLUMNS} at column {@code at}. */
    Source source(ResultSet rs, int at) throws SQLException {
        Long movieId = nullableLong(rs, at + 1);
        SourceOwner owner = movieId != null ? new SourceOwner.OfMovie(movieId)
                : new SourceOwner.OfEpisode(rs.getLong(at + 2));
        return source(rs, at, rs.getLong(at), owner);
    }

    /**
     * A source from {@link #SOURCE_COLUMNS} at column {@code at} whose id was read already and whose owner is
     * known to be the episode {@code episodeId} (a row of an episode joined with its sources): the id and owner
     * columns are not read again (a third of a source row's calls into the driver).
     */
    Source episodeSource(ResultSet rs, int at, long id, long episodeId) throws SQLException {
        return source(rs, at, id, new SourceOwner.OfEpisode(episodeId));
    }

    /** A source's own columns (all but its id and owner, given) from {@link #SOURCE_COLUMNS} at column {@code at}. */
    private Source source(ResultSet rs, int at, long id, SourceOwner owner) throws SQLException {
        LinkState check = new LinkState(instant(rs, at + 7), nullableInt(rs, at + 8), rs.getInt(at + 9),
                text(rs, at + 10));
        return new Source(id, owner, text(rs, at + 3), SourceType.fromWireName(text(rs, at + 4)), text(rs, at + 5),
                rs.getBoolean(at + 6), check, LockedColumn.fromDb(text(rs, at + 11)));
    }

    /**
     * A value of one of the schema's column types ({@code String}, {@code Long}, {@code Integer},
     * {@code Double}, {@code LocalDate}), e.g. a sort column whose value goes into a cursor.
     */
    Object value(ResultSet rs, int column, Class<?> type) throws SQLException {
        if (type == String.class) {
            return text(rs, column);
        }
        if (type == Long.class) {
            return nullableLong(rs, column);
        }
        if (type == Integer.class) {
            return nullableInt(rs, column);
        }
        if (type == Double.class) {
            return nullableDouble(rs, column);
        }
        if (type == LocalDate.class) {
            return date(rs, column);
        }
        throw new IllegalArgumentException("no reading for column type " + type.getName());
    }

    /**
     * A text column. On SQLite its UTF-8 bytes are fetched and decoded here: the driver's own
     * {@code getString} wraps each value in a direct buffer made through a JNI call back into Java, which
     * took a third of the time of reading a page (a page reads about a thousand strings). Malformed UTF-8
     * becomes U+FFFD either way.
     */
    String text(ResultSet rs, int column) throws SQLException {
        if (!textAsBytes) {
            return rs.getString(column);
        }
        byte[] utf8 = rs.getBytes(column);
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    LocalDate date(ResultSet rs, int column) throws SQLException {
        if (!datesAsText) {
            return rs.getObject(column, LocalDate.class);
        }
        String text = text(rs, column);
        return text == null ? null : parseDate(text);
    }

    Instant instant(ResultSet rs, int column) throws SQLException {
        if (!datesAsText) {
            return Rows.fromDb(rs.getObject(column, LocalDateTime.class));
        }
        String text = text(rs, column);
        if (text == null) {
            return null;
        }
        return Rows.fromDb(parseTime(text));
    }

    /** {@code 2026-11-24}, the form dates are written in, read without a formatter; any other ISO date too. */
    static LocalDate parseDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /**
     * {@code 2026-11-24 23:05:42.042} (up to nine fraction digits), the form times are written in, read
     * without a formatter (a formatter took a twentieth of a page's CPU); any other form through the
     * formatters. Parsed as text, never through {@code java.sql.Timestamp}: that would pass through the JVM's time
     * zone, and a UTC time falling into a local daylight-saving gap would come back an hour off.
     */
    static LocalDateTime parseTime(String text) {
        int length = text.length();
        if (length >= 19 && length != 20 && length <= 29 && text.charAt(10) == ' ' && text.charAt(13) == ':'
                && text.charAt(16) == ':' && (length == 19 || text.charAt(19) == '.')) {
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int fraction = length == 19 ? 0 : digits(text, 20, length);
            if (hour >= 0 && minute >= 0 && second >= 0 && fraction >= 0) {
                int nanos = length == 19 ? 0 : fraction * POWERS_OF_TEN[29 - length];
                return LocalDateTime.of(parseDate(text.substring(0, 10)), LocalTime.of(hour, minute, second, nanos));
            }
        }
        return LocalDateTime.parse(text, text.indexOf('T') > 0 ? ISO_TIME : SPACED_TIME);
    }

    /** The decimal number in {@code text[from, to)}, or -1 if any of it is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
