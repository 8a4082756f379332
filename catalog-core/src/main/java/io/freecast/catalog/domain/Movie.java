package io.freecast.catalog.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A movie as stored. Optional fields are {@code null} when unknown.
 *
 * @param key the identity across imports (see {@link FeedKey})
 * @param lockedFields the fields changed by hand, which imports leave as they are (wire names, sorted)
 */
public record Movie(long id, FeedKey key, String externalId, String slug, String title, String description,
                    String image, LocalDate releaseDate, Integer releaseYear, Rating imdbRating,
                    Rating kinopoiskRating, Instant createdAt, Instant updatedAt, Set<String> lockedFields) {

    public Movie {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        lockedFields = LockedFields.of(lockedFields);
    }

    /** A movie with no field locked. */
    public Movie(long id, FeedKey key, String externalId, String slug, String title, String description,
                 String image, LocalDate releaseDate, Integer releaseYear, Rating imdbRating,
                 Rating kinopoiskRating, Instant createdAt, Instant updatedAt) {
        this(id, key, externalId, slug, title, description, image, releaseDate, releaseYear, imdbRating,
                kinopoiskRating, createdAt, updatedAt, LockedFields.NONE);
    }
}
