package io.freecast.catalog.http.client;

import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.RatingField;
import io.freecast.catalog.port.out.RatingProvider;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The reference's "ratings": random numbers from 5.0 to 9.0 with one decimal, for both ratings. Kept so a
 * demo looks like the reference; it is never a default, and every run's report says its ratings are
 * placeholders ({@link #isPlaceholder()}). It sends no request.
 */
public final class RandomRatingProvider implements RatingProvider {

    private final RandomGenerator random;

    public RandomRatingProvider() {
        this(RandomGenerator.getDefault());
    }

    public RandomRatingProvider(RandomGenerator random) {
        this.random = random;
    }

    /** The source of both fields. */
    @Override
    public Set<RatingField> fills() {
        return RatingField.all();
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public boolean isPlaceholder() {
        return true;
    }

    @Override
    public Optional<RatingPair> findRatings(RatingTarget title) {
        return Optional.of(new RatingPair(next(), next()));
    }

    private Rating next() {
        return Rating.of(random.nextInt(50, 91) / 10.0);
    }
}
