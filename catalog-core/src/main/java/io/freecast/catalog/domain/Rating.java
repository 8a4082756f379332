package io.freecast.catalog.domain;

/**
 * A rating on the usual 0–10 scale.
 *
 * <p>An unknown rating is modelled as the absence of a {@code Rating} (a {@code null} field), never as
 * {@code 0.0}: feeds and providers say "0" when they mean "we don't know", and the catalog must not
 * show a film as rated zero.
 */
public record Rating(double value) implements Comparable<Rating> {

    public static final double MIN = 0.0;
    public static final double MAX = 10.0;

    public Rating {
        if (Double.isNaN(value) || value < MIN || value > MAX) {
            throw new IllegalArgumentException("a rating must be between 0 and 10, got " + value);
        }
    }

    public static Rating of(double value) {
        return new Rating(value);
    }

    /**
     * Reads a rating the way feeds and providers write one: {@code null}, zero, negative, NaN or
     * above ten all mean "unknown" and give {@code null}.
     */
    public static Rating ofNullable(Double value) {
        if (value == null || value.isNaN() || value <= MIN || value > MAX) {
            return null;
        }
        return new Rating(value);
    }

    @Override
    public int compareTo(Rating other) {
        return Double.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
