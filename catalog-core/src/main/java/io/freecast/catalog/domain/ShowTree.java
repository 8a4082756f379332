package io.freecast.catalog.domain;

import java.util.List;

/** A show with its seasons, their episodes and the episodes' sources, each level in its stable order. */
public record ShowTree(Show show, List<SeasonTree> seasons) {

    public ShowTree {
        seasons = List.copyOf(seasons);
    }
}
