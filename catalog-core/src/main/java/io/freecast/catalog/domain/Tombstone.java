package io.freecast.catalog.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What is left of a feed's item that someone deleted by hand: while it exists, imports do not bring the
 * item back (their report counts it as suppressed). Restoring removes it; the next import then re-creates
 * the item from the feed.
 *
 * @param id        the tombstone's own id (what restoring names)
 * @param kind      what was deleted
 * @param parent    for a season its show, for an episode its season, for a source its movie or episode;
 *                  {@code null} for a show or a movie
 * @param identity  how an import recognises the item: a show's or movie's feed key ({@code id:501}), a
 *                  season's or episode's number, a source's URL
 * @param label     what a person recognises it by: the title, "Season 2", the URL
 * @param deletedAt when it was deleted
 * @param deletedBy who deleted it, as {@link Actor#label()} gives it
 */
public record Tombstone(long id, ItemKind kind, ItemRef<?> parent, String identity, String label, Instant deletedAt,
                        String deletedBy) {

    public Tombstone {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(deletedAt, "deletedAt");
        Objects.requireNonNull(deletedBy, "deletedBy");
    }

    /** The parent's id ({@link #parent()} names its kind); {@code null} for a show or a movie. */
    public Long parentId() {
        return parent == null ? null : parent.id();
    }
}
