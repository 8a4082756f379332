package io.freecast.catalog.domain;

/**
 * Which tombstones to list, newest first.
 *
 * @param kind only this kind; {@code null} for every kind
 */
public record TombstoneQuery(ItemKind kind, PageRequest page) {

    public TombstoneQuery {
        page = page == null ? PageRequest.firstPage() : page;
    }

    public static TombstoneQuery all(PageRequest page) {
        return new TombstoneQuery(null, page);
    }
}
