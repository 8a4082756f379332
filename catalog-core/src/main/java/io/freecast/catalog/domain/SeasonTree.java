package io.freecast.catalog.domain;

import java.util.List;

/** A season with its episodes (ordered by number) and their sources. */
public record SeasonTree(Season season, List<EpisodeTree> episodes) {

    public SeasonTree {
        episodes = List.copyOf(episodes);
    }
}
