package io.freecast.catalog.domain;

import java.util.List;

/**
 * An episode with its sources, carrying its season's number so a flat list of a show's episodes can be
 * told apart (the reference's could not: 1, 2, 1, 2).
 */
public record EpisodeTree(Episode episode, int seasonNumber, List<Source> sources) {

    public EpisodeTree {
        sources = List.copyOf(sources);
    }
}
