package io.freecast.catalog.domain;

import java.time.LocalDate;

/** An episode of a season; {@code number} is unique within the season and orders the episodes. */
public record Episode(long id, long seasonId, int number, String title, String description, LocalDate releaseDate) {
}
