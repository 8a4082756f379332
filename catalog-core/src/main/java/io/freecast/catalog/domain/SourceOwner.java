package io.freecast.catalog.domain;

/** The one thing a source plays: a movie or an episode, never both, never neither. */
public sealed interface SourceOwner {

    long id();

    record OfMovie(long id) implements SourceOwner {
    }

    record OfEpisode(long id) implements SourceOwner {
    }
}
