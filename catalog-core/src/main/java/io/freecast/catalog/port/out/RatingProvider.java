package io.freecast.catalog.port.out;

import java.util.Optional;

/** Where ratings come from: a ratings API, or the reference's random placeholder when asked for. */
public interface RatingProvider {

    /** A short name for reports and logs: {@code kinopoisk}, {@code omdb}, {@code random}. */
    String name();

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
