package io.freecast.catalog.port.out;

/**
 * Whether storage answers, for health checks.
 *
 * @param detail a short description: the database product and schema version, or the error
 */
public record StorageHealth(boolean up, String detail) {
}
