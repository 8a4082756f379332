package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.Sort;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Checks the boundary value inside a decoded cursor before it reaches storage. A cursor is opaque but not
 * secret: anyone can forge one, and a forged {@code imdb_rating} cursor holding "abc" must be a 400 naming
 * {@code cursor}, not an exception deep in a query.
 */
final class CursorValues {

    private static final int MAX_TEXT_VALUE = 1000;

    private CursorValues() {
    }

    static void check(Cursor cursor, Sort sort) {
        if (!cursor.sort().equals(sort.wireName())) {
            return; // ListQuery rejects a cursor of another sort, with its own message.
        }
        if (cursor.id() < 0) {
            throw forged();
        }
        String value = cursor.sortValue();
        if (value == null) {
            return;
        }
        try {
            switch (sort.field()) {
                case ID -> Long.parseLong(value);
                case TITLE -> {
                    if (value.length() > MAX_TEXT_VALUE) {
                        throw forged();
                    }
                }
                case RELEASE_DATE -> LocalDate.parse(value);
                case RELEASE_YEAR -> Integer.parseInt(value);
                case IMDB_RATING, KINOPOISK_RATING -> {
                    double rating = Double.parseDouble(value);
                    if (!Double.isFinite(rating)) {
                        throw forged();
                    }
                }
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw forged();
        }
    }

    /** An episode cursor's value is the boundary's position, {@code season:number}, e.g. {@code 2:7}. */
    static void checkEpisodeOrder(Cursor cursor) {
        String value = cursor.sortValue();
        if (!cursor.sort().equals(io.freecast.catalog.domain.EpisodeQuery.ORDER)) {
            return; // EpisodeQuery rejects a cursor of another list, with its own message.
        }
        if (cursor.id() < 0 || value == null || !value.matches("[0-9]{1,9}:[0-9]{1,9}")) {
            throw forged();
        }
    }

    private static ApiProblem forged() {
        return ApiProblem.badParameter(ListParameters.CURSOR,
                "cursor is malformed; use the value from a Link header as it is");
    }
}
