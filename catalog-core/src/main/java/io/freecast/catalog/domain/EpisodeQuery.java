package io.freecast.catalog.domain;

import java.util.Objects;

/**
 * A page of a show's episodes, ordered by (season number, episode number).
 *
 * @param season only this season's episodes; {@code null} for all
 */
public record EpisodeQuery(Integer season, PageRequest page) {

    /** The one order of an episode list; cursors carry it like any other sort. */
    public static final String ORDER = "season,number";

    public EpisodeQuery {
        Objects.requireNonNull(page, "page");
        if (season != null && season < 1) {
            throw new IllegalArgumentException("season must be 1 or more, got " + season);
        }
        if (page.cursor() != null && !page.cursor().sort().equals(ORDER)) {
            throw new IllegalArgumentException("cursor does not belong to an episode list; start again without it");
        }
    }
}
