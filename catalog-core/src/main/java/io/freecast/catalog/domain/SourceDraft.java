package io.freecast.catalog.domain;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A stream source as a feed describes it. Only absolute {@code http}/{@code https} URLs with a host
 * are accepted; the constructor throws {@link IllegalArgumentException} with the reason otherwise.
 *
 * @param provider the provider's name ("Netflix"); {@code null} if the feed gives none
 */
public record SourceDraft(String url, SourceType type, String provider) {

    /** Longer URLs are not stream links but accidents or attacks; browsers cap around here too. */
    public static final int MAX_URL_LENGTH = 2048;

    public SourceDraft {
        Objects.requireNonNull(type, "type");
        url = requireHttpUrl(url);
    }

    /** A source whose type is guessed from the URL (playlists end in .m3u8 or .mpd). */
    public static SourceDraft of(String url, String provider) {
        return new SourceDraft(url, SourceType.guessFromUrl(Objects.requireNonNull(url, "url")), provider);
    }

    private static String requireHttpUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a source needs a URL");
        }
        String trimmed = url.strip();
        if (trimmed.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("source URL longer than " + MAX_URL_LENGTH + " characters");
        }
        if (PlainHttpUrl.matches(trimmed)) {
            return trimmed;
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (Exception e) {
            throw new IllegalArgumentException("source URL is not a valid URI: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("source URL must be http or https, got '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("source URL has no host");
        }
        return trimmed;
    }
}
