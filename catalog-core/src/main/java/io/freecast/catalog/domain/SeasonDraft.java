package io.freecast.catalog.domain;

import java.util.List;

/** A season as a feed describes it; {@code number} must be positive. */
public record SeasonDraft(int number, String description, List<EpisodeDraft> episodes) {

    public SeasonDraft {
        if (number < 1) {
            throw new IllegalArgumentException("a season number must be 1 or more, got " + number);
        }
        episodes = List.copyOf(episodes);
    }
}
