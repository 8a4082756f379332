package io.freecast.catalog.domain;

import java.time.LocalDate;
import java.util.List;

/** An episode as a feed describes it; {@code number} must be positive. */
public record EpisodeDraft(int number, String title, String description, LocalDate releaseDate,
                           List<SourceDraft> sources) {

    public EpisodeDraft {
        if (number < 1) {
            throw new IllegalArgumentException("an episode number must be 1 or more, got " + number);
        }
        sources = List.copyOf(sources);
    }
}
