package io.freecast.catalog.port.in;

/**
 * Told how far a running update-ratings or validate-sources has got, so a terminal can show progress
 * (a ratings run paced at a few requests a second over thousands of titles takes a while). Called on the
 * task's thread every so many items and once at the end: keep it quick and never throw.
 */
@FunctionalInterface
public interface TaskProgress {

    /** Reports nothing: the default. */
    TaskProgress NONE = itemsDone -> { };

    /** @param itemsDone titles asked about, or sources checked, so far */
    void itemsDone(long itemsDone);
}
