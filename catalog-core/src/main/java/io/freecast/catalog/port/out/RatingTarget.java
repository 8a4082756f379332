package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.RatingField;
import java.time.Instant;
import java.util.Objects;

/**
 * A show or movie whose ratings an update may refresh.
 *
 * @param year    release year when known (helps a provider pick the right title); {@code null} otherwise
 * @param checked when each rating field was last checked by the provider that is its source
 */
public record RatingTarget(TitleKind kind, long id, String title, Integer year, RatingPair current, CheckedAt checked) {

    public RatingTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(current, "current");
        checked = checked == null ? CheckedAt.NEVER : checked;
    }

    /** Shows and movies are rated alike. */
    public enum TitleKind { SHOW, MOVIE }

    /** Both ratings of a title; either may be {@code null} (unknown). */
    public record RatingPair(Rating imdb, Rating kinopoisk) {
        public static final RatingPair UNKNOWN = new RatingPair(null, null);

        public Rating get(RatingField field) {
            return field == RatingField.IMDB ? imdb : kinopoisk;
        }

        /** This pair with {@code field} set to {@code rating}. */
        public RatingPair with(RatingField field, Rating rating) {
            return field == RatingField.IMDB ? new RatingPair(rating, kinopoisk) : new RatingPair(imdb, rating);
        }
    }

    /**
     * When each rating field was last checked by its source ({@code imdb_checked_at}, {@code kinopoisk_checked_at}):
     * the staleness of each provider, kept apart so one provider's run never makes another's look done.
     */
    public record CheckedAt(Instant imdb, Instant kinopoisk) {
        public static final CheckedAt NEVER = new CheckedAt(null, null);

        /** Both fields checked at {@code at}. */
        public static CheckedAt both(Instant at) {
            return new CheckedAt(at, at);
        }

        public Instant get(RatingField field) {
            return field == RatingField.IMDB ? imdb : kinopoisk;
        }

        public CheckedAt with(RatingField field, Instant at) {
            return field == RatingField.IMDB ? new CheckedAt(at, kinopoisk) : new CheckedAt(imdb, at);
        }
    }
}
