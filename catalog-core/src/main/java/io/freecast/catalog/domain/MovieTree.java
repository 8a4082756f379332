package io.freecast.catalog.domain;

import java.util.List;

/** A movie with its sources, ordered by id. */
public record MovieTree(Movie movie, List<Source> sources) {

    public MovieTree {
        sources = List.copyOf(sources);
    }
}
