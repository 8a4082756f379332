package io.freecast.catalog.domain;

import java.util.Objects;

/**
 * A source that is inactive or whose last checks failed, with what it belongs to, so an operator can see
 * whose link is dead without opening each owner.
 *
 * @param ownerTitle    the movie's title, or the show's title for an episode's source
 * @param showId        the show an episode's source belongs to; {@code null} for a movie's source
 * @param seasonNumber  the episode's season number; {@code null} for a movie's source
 * @param episodeNumber the episode's number; {@code null} for a movie's source
 */
public record DeadLink(Source source, String ownerTitle, Long showId, Integer seasonNumber, Integer episodeNumber) {

    public DeadLink {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ownerTitle, "ownerTitle");
    }
}
