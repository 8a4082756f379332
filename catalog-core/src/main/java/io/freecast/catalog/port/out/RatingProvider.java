package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.RatingField;
import java.util.Optional;
import java.util.Set;

/** Where ratings come from: a ratings API, or the reference's random placeholder when asked for. */
public interface RatingProvider {

    /** A short name for reports and logs: {@code kinopoisk}, {@code omdb}, {@code random}. */
    String name();

    /**
     * The rating fields this provider is the source of: its answers for them replace what a title has, and
     * their check times are its staleness. A rating it answers for any other field (kinopoisk mirrors IMDb's)
     * only fills that field while it is unknown. omdb is the source of {@code imdb_rating}, kinopoisk of
     * {@code kinopoisk_rating}; the random placeholder of both.
     */
    Set<RatingField> fills();

    /**
     * True when the ratings are not real (the random placeholder): the run's report says so.
     */
    default boolean isPlaceholder() {
        return false;
    }

    /**
     * Looks up one title's ratings.
     *
     * @return empty when the provider does not know the title (its ratings stay unknown)
     * @throws RatingProviderUnavailableException when the provider cannot be asked (unreachable,
     *                                            refusing the key, out of retries): the run fails
     */
    Optional<RatingTarget.RatingPair> findRatings(RatingTarget title);
}
