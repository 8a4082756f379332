package io.freecast.catalog.domain;

import java.util.Locale;

/** How a stream source is played: a direct media URL or a playlist (HLS/DASH manifest). */
public enum SourceType {
    DIRECT,
    PLAYLIST;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The name used in feeds, the database and the API: {@code direct} or {@code playlist}. */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name, ignoring case; throws with the allowed values when it is neither. */
    public static SourceType fromWireName(String name) {
        if (name != null) {
            for (SourceType type : values()) {
                if (type.wireName().equalsIgnoreCase(name.strip())) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("source_type must be 'direct' or 'playlist', got '" + name + "'");
    }

    /** Guesses the type of a URL that came without one: HLS and DASH manifests are playlists. */
    public static SourceType guessFromUrl(String url) {
        String path = url.toLowerCase(Locale.ROOT);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return path.endsWith(".m3u8") || path.endsWith(".m3u") || path.endsWith(".mpd") ? PLAYLIST : DIRECT;
    }
}
