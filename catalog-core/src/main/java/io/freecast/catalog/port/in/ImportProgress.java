package io.freecast.catalog.port.in;

/**
 * Told how far a running import has got, so a terminal can show a progress bar. It is called on the
 * importing thread, about every few hundred items and once at the end: keep it quick and never throw.
 */
@FunctionalInterface
public interface ImportProgress {

    /** Reports nothing: the default. */
    ImportProgress NONE = itemsRead -> { };

    /** @param itemsRead feed items read so far, accepted or rejected */
    void itemsRead(long itemsRead);
}
