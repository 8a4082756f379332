package io.freecast.catalog.domain;

import java.util.Objects;
import java.util.Set;

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
 * @param lockedFields the fields changed by hand (wire names, sorted): imports leave them as they are, and
 *                 while {@code is_active} is locked link checks record their findings but never change it
 */
public record Source(long id, SourceOwner owner, String url, SourceType type, String provider, boolean active,
                     LinkState check, Set<String> lockedFields) {

    public Source {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(check, "check");
        lockedFields = LockedFields.of(lockedFields);
    }

    /** A source with no field locked. */
    public Source(long id, SourceOwner owner, String url, SourceType type, String provider, boolean active,
                  LinkState check) {
        this(id, owner, url, type, provider, active, check, LockedFields.NONE);
    }

    /** Whether link checks may change {@link #active()}: not while a person has set it by hand. */
    public boolean activeLockedByHand() {
        return lockedFields.contains("is_active");
    }
}
