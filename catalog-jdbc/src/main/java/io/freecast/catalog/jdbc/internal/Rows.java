package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.domain.SourceType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jooq.Record;

import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;

/**
 * Values between rows and domain records, and a source from a jOOQ record (the read side reads its rows
 * by position instead, see {@link ResultSetRows}). Times are stored as UTC {@code TIMESTAMP}s with millisecond precision
 * (the finest both databases and their drivers keep alike), ratings as nullable doubles: unknown is
 * {@code NULL}, never 0.
 */
final class Rows {

    private Rows() {
    }

    static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    static Instant fromDb(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    static Double toDb(Rating rating) {
        return rating == null ? null : rating.value();
    }

    static Rating rating(Double value) {
        return value == null ? null : new Rating(value);
    }

    static Source source(Record r) {
        Long movieId = r.get(SOURCE.MOVIE_ID);
        SourceOwner owner = movieId != null
                ? new SourceOwner.OfMovie(movieId)
                : new SourceOwner.OfEpisode(r.get(SOURCE.EPISODE_ID));
        LinkState check = new LinkState(fromDb(r.get(SOURCE.LAST_CHECKED_AT)), r.get(SOURCE.LAST_STATUS),
                r.get(SOURCE.CONSECUTIVE_FAILURES), r.get(SOURCE.LAST_ERROR));
        return new Source(r.get(SOURCE.ID), owner, r.get(SOURCE.URL), SourceType.fromWireName(r.get(SOURCE.SOURCE_TYPE)),
                r.get(SOURCE.PROVIDER), r.get(SOURCE.IS_ACTIVE), check, LockedColumn.fromDb(r.get(SOURCE.LOCKED_FIELDS)));
    }
}
