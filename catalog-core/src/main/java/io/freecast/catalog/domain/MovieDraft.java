package io.freecast.catalog.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A movie as a feed describes it: what an import upserts. Optional fields are {@code null} when unknown. */
public record MovieDraft(FeedKey key, String externalId, String slug, String title, String description, String image,
                         LocalDate releaseDate, Integer releaseYear, Rating imdbRating, Rating kinopoiskRating,
                         List<SourceDraft> sources) {

    /** The first films were shot in the 1880s; anything outside this range is a typo or garbage. */
    public static final int MIN_YEAR = 1870;
    public static final int MAX_YEAR = 2200;

    public MovieDraft {
        Objects.requireNonNull(key, "key");
        title = Titles.require(title);
        if (releaseYear != null && (releaseYear < MIN_YEAR || releaseYear > MAX_YEAR)) {
            throw new IllegalArgumentException("release_year " + releaseYear + " is outside "
                    + MIN_YEAR + "–" + MAX_YEAR);
        }
        sources = List.copyOf(sources);
    }
}
