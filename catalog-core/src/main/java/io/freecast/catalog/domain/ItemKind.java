package io.freecast.catalog.domain;

import java.util.Locale;

/**
 * The kinds of catalog item a person can edit by hand. The wire name is what the audit trail records as
 * the entity, what a tombstone names and what the API shows.
 */
public enum ItemKind {
    SHOW,
    SEASON,
    EPISODE,
    MOVIE,
    SOURCE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static ItemKind fromWireName(String name) {
        for (ItemKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown item kind '" + name
                + "'; expected show, season, episode, movie or source");
    }
}
