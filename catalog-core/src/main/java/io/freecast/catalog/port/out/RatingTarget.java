package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.Rating;
import java.time.Instant;
import java.util.Objects;

/**
 * A show or movie whose ratings an update may refresh.
 *
 * @param year        release year when known (helps a provider pick the right title); {@code null} otherwise
 * @param ratedAt     when its ratings were last refreshed; {@code null} if never
 */
public record RatingTarget(TitleKind kind, long id, String title, Integer year, RatingPair current, Instant ratedAt) {

    public RatingTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(current, "current");
    }

    /** Shows and movies are rated alike. */
    public enum TitleKind { SHOW, MOVIE }

    /** Both ratings of a title; either may be {@code null} (unknown). */
    public record RatingPair(Rating imdb, Rating kinopoisk) {
        public static final RatingPair UNKNOWN = new RatingPair(null, null);
    }
}
