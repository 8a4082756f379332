package io.freecast.catalog.port.in;

import java.util.List;

import static io.freecast.catalog.port.in.MovieFields.orKeep;

/**
 * The fields of a season a person may set (see {@link MovieFields} for keep, clear and value). Rules:
 * {@code number} 0 or more (0 for specials), unique within the show, required when creating; {@code
 * description} free text.
 *
 * <p>Renumbering a season that came from a feed moves it: the feed's old number is remembered as deleted
 * by hand (a tombstone), so the next import does not bring an empty season back under it.
 */
public record SeasonFields(FieldEdit<Integer> number, FieldEdit<String> description) {

    public static final List<String> WIRE_NAMES = List.of("number", "description");

    public static final SeasonFields NONE = new SeasonFields(null, null);

    public SeasonFields {
        number = orKeep(number);
        description = orKeep(description);
    }

    public SeasonFields withNumber(FieldEdit<Integer> edit) {
        return new SeasonFields(edit, description);
    }

    public SeasonFields withDescription(FieldEdit<String> edit) {
        return new SeasonFields(number, edit);
    }
}
