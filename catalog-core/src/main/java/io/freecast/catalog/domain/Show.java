package io.freecast.catalog.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A TV show as stored. Optional fields are {@code null} when unknown.
 *
 * @param key the identity across imports (see {@link FeedKey})
 */
public record Show(long id, FeedKey key, String externalId, String slug, String title, String description,
                   String image, LocalDate releaseDate, Rating imdbRating, Rating kinopoiskRating,
                   Instant createdAt, Instant updatedAt) {

    public Show {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
    }
}
