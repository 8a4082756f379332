package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.domain.SourceType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jooq.Record;

import static io.freecast.catalog.jdbc.internal.schema.Tables.EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.MOVIE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SEASON;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;

/**
 * Rows to domain records and back. Times are stored as UTC {@code TIMESTAMP}s with millisecond precision
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

    static Show show(Record r) {
        return new Show(r.get(SHOW.ID), new FeedKey(r.get(SHOW.FEED_KEY)), r.get(SHOW.EXTERNAL_ID), r.get(SHOW.SLUG),
                r.get(SHOW.TITLE), r.get(SHOW.DESCRIPTION), r.get(SHOW.IMAGE), r.get(SHOW.RELEASE_DATE),
                rating(r.get(SHOW.IMDB_RATING)), rating(r.get(SHOW.KINOPOISK_RATING)),
                fromDb(r.get(SHOW.CREATED_AT)), fromDb(r.get(SHOW.UPDATED_AT)));
    }

    static Movie movie(Record r) {
        return new Movie(r.get(MOVIE.ID), new FeedKey(r.get(MOVIE.FEED_KEY)), r.get(MOVIE.EXTERNAL_ID),
                r.get(MOVIE.SLUG), r.get(MOVIE.TITLE), r.get(MOVIE.DESCRIPTION), r.get(MOVIE.IMAGE),
                r.get(MOVIE.RELEASE_DATE), r.get(MOVIE.RELEASE_YEAR), rating(r.get(MOVIE.IMDB_RATING)),
                rating(r.get(MOVIE.KINOPOISK_RATING)), fromDb(r.get(MOVIE.CREATED_AT)), fromDb(r.get(MOVIE.UPDATED_AT)));
    }

    static Season season(Record r) {
        return new Season(r.get(SEASON.ID), r.get(SEASON.SHOW_ID), r.get(SEASON.NUMBER), r.get(SEASON.DESCRIPTION));
    }

    static Episode episode(Record r) {
        return new Episode(r.get(EPISODE.ID), r.get(EPISODE.SEASON_ID), r.get(EPISODE.NUMBER), r.get(EPISODE.TITLE),
                r.get(EPISODE.DESCRIPTION), r.get(EPISODE.RELEASE_DATE));
    }

    static Source source(Record r) {
        Long movieId = r.get(SOURCE.MOVIE_ID);
        SourceOwner owner = movieId != null
                ? new SourceOwner.OfMovie(movieId)
                : new SourceOwner.OfEpisode(r.get(SOURCE.EPISODE_ID));
        LinkState check = new LinkState(fromDb(r.get(SOURCE.LAST_CHECKED_AT)), r.get(SOURCE.LAST_STATUS),
                r.get(SOURCE.CONSECUTIVE_FAILURES), r.get(SOURCE.LAST_ERROR));
        return new Source(r.get(SOURCE.ID), owner, r.get(SOURCE.URL), SourceType.fromWireName(r.get(SOURCE.SOURCE_TYPE)),
                r.get(SOURCE.PROVIDER), r.get(SOURCE.IS_ACTIVE), check);
    }
}
