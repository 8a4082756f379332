package io.freecast.catalog.domain;

import java.util.Objects;

/**
 * A stream source: a URL that plays one movie or one episode.
 *
 * @param id       storage id
 * @param owner    the one movie or episode it belongs to
 * @param url      an absolute http(s) URL
 * @param type     direct media or playlist
 * @param provider the provider's name from the feed ("Netflix", "Tubi"); {@code null} if unknown
 * @param active   whether viewers should see it; link checks turn it off and on again
 * @param check    what the last link checks found
 */
public record Source(long id, SourceOwner owner, String url, SourceType type, String provider, boolean active,
                     LinkState check) {

    public Source {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(check, "check");
    }
}
