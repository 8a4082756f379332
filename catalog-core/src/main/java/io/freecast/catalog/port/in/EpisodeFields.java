package io.freecast.catalog.port.in;

import java.time.LocalDate;
import java.util.List;

import static io.freecast.catalog.port.in.MovieFields.orKeep;

/**
 * The fields of an episode a person may set (see {@link MovieFields} for keep, clear and value). Rules:
 * {@code number} 0 or more, unique within the season, required when creating; {@code title} at most 500
 * characters (optional); {@code release_date} a real date. Renumbering a feed's episode moves it, as for
 * {@link SeasonFields seasons}.
 */
public record EpisodeFields(FieldEdit<Integer> number, FieldEdit<String> title, FieldEdit<String> description,
                            FieldEdit<LocalDate> releaseDate) {

    public static final List<String> WIRE_NAMES = List.of("number", "title", "description", "release_date");

    public static final EpisodeFields NONE = new EpisodeFields(null, null, null, null);

    public EpisodeFields {
        number = orKeep(number);
        title = orKeep(title);
        description = orKeep(description);
        releaseDate = orKeep(releaseDate);
    }

    public EpisodeFields withNumber(FieldEdit<Integer> edit) {
        return new EpisodeFields(edit, title, description, releaseDate);
    }

    public EpisodeFields withTitle(FieldEdit<String> edit) {
        return new EpisodeFields(number, edit, description, releaseDate);
    }

    public EpisodeFields withDescription(FieldEdit<String> edit) {
        return new EpisodeFields(number, title, edit, releaseDate);
    }

    public EpisodeFields withReleaseDate(FieldEdit<LocalDate> edit) {
        return new EpisodeFields(number, title, description, edit);
    }
}
