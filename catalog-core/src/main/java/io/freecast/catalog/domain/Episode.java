package io.freecast.catalog.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * An episode of a season; {@code number} is unique within the season and orders the episodes.
 *
 * @param lockedFields the fields changed by hand, which imports leave as they are (wire names, sorted)
 */
public record Episode(long id, long seasonId, int number, String title, String description, LocalDate releaseDate,
                      Set<String> lockedFields) {

    public Episode {
        lockedFields = LockedFields.of(lockedFields);
    }

    /** An episode with no field locked. */
    public Episode(long id, long seasonId, int number, String title, String description, LocalDate releaseDate) {
        this(id, seasonId, number, title, description, releaseDate, LockedFields.NONE);
    }
}
