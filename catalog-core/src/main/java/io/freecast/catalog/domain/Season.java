package io.freecast.catalog.domain;

/** A season of a show; {@code number} is unique within the show and orders the seasons. */
public record Season(long id, long showId, int number, String description) {
}
