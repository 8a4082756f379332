package io.freecast.catalog.port.in;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields of a movie a person may set, each a {@link FieldEdit}: for a change, only the fields given
 * change; for a creation, fields not given are unknown ({@code title} is required). A {@code null}
 * component means {@link FieldEdit#keep()}.
 *
 * <p>Rules, the same as for an imported movie: {@code title} 1–500 characters after trimming;
 * {@code image} an absolute http(s) URL of at most 2,048 characters; {@code release_date} a real date;
 * {@code release_year} 1870–2200; ratings 0–10 (or cleared: unknown).
 */
public record MovieFields(FieldEdit<String> title, FieldEdit<String> description, FieldEdit<String> image,
                          FieldEdit<LocalDate> releaseDate, FieldEdit<Integer> releaseYear,
                          FieldEdit<Double> imdbRating, FieldEdit<Double> kinopoiskRating) {

    /** The wire names, as the JSON API and the audit trail spell them, in this record's order. */
    public static final List<String> WIRE_NAMES = List.of("title", "description", "image", "release_date",
            "release_year", "imdb_rating", "kinopoisk_rating");

    public static final MovieFields NONE = new MovieFields(null, null, null, null, null, null, null);

    public MovieFields {
        title = orKeep(title);
        description = orKeep(description);
        image = orKeep(image);
        releaseDate = orKeep(releaseDate);
        releaseYear = orKeep(releaseYear);
        imdbRating = orKeep(imdbRating);
        kinopoiskRating = orKeep(kinopoiskRating);
    }

    public MovieFields withTitle(FieldEdit<String> edit) {
        return new MovieFields(edit, description, image, releaseDate, releaseYear, imdbRating, kinopoiskRating);
    }

    public MovieFields withDescription(FieldEdit<String> edit) {
        return new MovieFields(title, edit, image, releaseDate, releaseYear, imdbRating, kinopoiskRating);
    }

    public MovieFields withImage(FieldEdit<String> edit) {
        return new MovieFields(title, description, edit, releaseDate, releaseYear, imdbRating, kinopoiskRating);
    }

    public MovieFields withReleaseDate(FieldEdit<LocalDate> edit) {
        return new MovieFields(title, description, image, edit, releaseYear, imdbRating, kinopoiskRating);
    }

    public MovieFields withReleaseYear(FieldEdit<Integer> edit) {
        return new MovieFields(title, description, image, releaseDate, edit, imdbRating, kinopoiskRating);
    }

    public MovieFields withImdbRating(FieldEdit<Double> edit) {
        return new MovieFields(title, description, image, releaseDate, releaseYear, edit, kinopoiskRating);
    }

    public MovieFields withKinopoiskRating(FieldEdit<Double> edit) {
        return new MovieFields(title, description, image, releaseDate, releaseYear, imdbRating, edit);
    }

    static <T> FieldEdit<T> orKeep(FieldEdit<T> edit) {
        return edit == null ? FieldEdit.keep() : edit;
    }
}
