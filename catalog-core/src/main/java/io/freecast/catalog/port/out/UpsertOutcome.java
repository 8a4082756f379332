package io.freecast.catalog.port.out;

/** What an upsert did to one item (its own row or any row below it). */
public enum UpsertOutcome {
    CREATED,
    UPDATED,
    UNCHANGED
}
