package io.freecast.catalog.port.in;

import java.util.List;

import static io.freecast.catalog.port.in.MovieFields.orKeep;

/**
 * The fields of a stream source a person may set (see {@link MovieFields} for keep, clear and value).
 * Rules: {@code url} an absolute http(s) URL of at most 2,048 characters, unique within its movie or
 * episode, required when creating; {@code source_type} {@code direct} or {@code playlist} (guessed from the
 * URL when creating without one); {@code provider} at most 255 characters (optional); {@code is_active}
 * true or false (a new source is active).
 *
 * <p>Setting {@code is_active} by hand locks it: link checks still record what they find but no longer
 * switch the source on or off, until the lock is removed. Changing the URL of a source that came from a
 * feed moves it: the feed's URL is remembered as deleted by hand, and the source is the hand's from then
 * on (an import that does not list it leaves it in place).
 */
public record SourceFields(FieldEdit<String> url, FieldEdit<String> sourceType, FieldEdit<String> provider,
                           FieldEdit<Boolean> active) {

    public static final List<String> WIRE_NAMES = List.of("url", "source_type", "provider", "is_active");

    public static final SourceFields NONE = new SourceFields(null, null, null, null);

    public SourceFields {
        url = orKeep(url);
        sourceType = orKeep(sourceType);
        provider = orKeep(provider);
        active = orKeep(active);
    }

    public SourceFields withUrl(FieldEdit<String> edit) {
        return new SourceFields(edit, sourceType, provider, active);
    }

    public SourceFields withSourceType(FieldEdit<String> edit) {
        return new SourceFields(url, edit, provider, active);
    }

    public SourceFields withProvider(FieldEdit<String> edit) {
        return new SourceFields(url, sourceType, edit, active);
    }

    public SourceFields withActive(FieldEdit<Boolean> edit) {
        return new SourceFields(url, sourceType, provider, edit);
    }
}
