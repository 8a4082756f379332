package io.freecast.catalog.port.in;

import java.time.LocalDate;
import java.util.List;

import static io.freecast.catalog.port.in.MovieFields.orKeep;

/**
 * The fields of a show a person may set, each a {@link FieldEdit} (see {@link MovieFields} for the
 * meaning of keep, clear and value). Rules: {@code title} 1–500 characters after trimming; {@code image} an
 * absolute http(s) URL of at most 2,048 characters; {@code release_date} a real date; ratings 0–10 or unknown.
 */
public record ShowFields(FieldEdit<String> title, FieldEdit<String> description, FieldEdit<String> image,
                         FieldEdit<LocalDate> releaseDate, FieldEdit<Double> imdbRating,
                         FieldEdit<Double> kinopoiskRating) {

    public static final List<String> WIRE_NAMES = List.of("title", "description", "image", "release_date",
            "imdb_rating", "kinopoisk_rating");

    public static final ShowFields NONE = new ShowFields(null, null, null, null, null, null);

    public ShowFields {
        title = orKeep(title);
        description = orKeep(description);
        image = orKeep(image);
        releaseDate = orKeep(releaseDate);
        imdbRating = orKeep(imdbRating);
        kinopoiskRating = orKeep(kinopoiskRating);
    }

    public ShowFields withTitle(FieldEdit<String> edit) {
        return new ShowFields(edit, description, image, releaseDate, imdbRating, kinopoiskRating);
    }

    public ShowFields withDescription(FieldEdit<String> edit) {
        return new ShowFields(title, edit, image, releaseDate, imdbRating, kinopoiskRating);
    }

    public ShowFields withImage(FieldEdit<String> edit) {
        return new ShowFields(title, description, edit, releaseDate, imdbRating, kinopoiskRating);
    }

    public ShowFields withReleaseDate(FieldEdit<LocalDate> edit) {
        return new ShowFields(title, description, image, edit, imdbRating, kinopoiskRating);
    }

    public ShowFields withImdbRating(FieldEdit<Double> edit) {
        return new ShowFields(title, description, image, releaseDate, edit, kinopoiskRating);
    }

    public ShowFields withKinopoiskRating(FieldEdit<Double> edit) {
        return new ShowFields(title, description, image, releaseDate, imdbRating, edit);
    }
}
