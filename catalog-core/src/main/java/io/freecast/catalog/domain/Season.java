package io.freecast.catalog.domain;

import java.util.Set;

/**
 * A season of a show; {@code number} is unique within the show and orders the seasons.
 *
 * @param lockedFields the fields changed by hand, which imports leave as they are (wire names, sorted)
 */
public record Season(long id, long showId, int number, String description, Set<String> lockedFields) {

    public Season {
        lockedFields = LockedFields.of(lockedFields);
    }

    /** A season with no field locked. */
    public Season(long id, long showId, int number, String description) {
        this(id, showId, number, description, LockedFields.NONE);
    }
}
