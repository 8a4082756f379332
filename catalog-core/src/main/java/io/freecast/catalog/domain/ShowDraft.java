package io.freecast.catalog.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A show as a feed describes it: what an import upserts. Optional fields are {@code null} when the
 * feed does not know them.
 *
 * @param sources the show's own web sources ({@code modes.web_sources}); they are attached to the
 *                show's episodes only through {@link #seasons()}, see the import use-case
 */
public record ShowDraft(FeedKey key, String externalId, String slug, String title, String description, String image,
                        LocalDate releaseDate, Rating imdbRating, Rating kinopoiskRating, List<SourceDraft> sources,
                        List<SeasonDraft> seasons) {

    public ShowDraft {
        Objects.requireNonNull(key, "key");
        title = Titles.require(title);
        sources = List.copyOf(sources);
        seasons = List.copyOf(seasons);
    }
}
