package io.freecast.catalog.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a feed is: an {@code http(s)://} URL, a {@code classpath:} resource or a file path.
 * {@link #parse(String)} tells them apart the way the CLI's {@code --feed} does.
 */
public record FeedLocation(Kind kind, String value) {

    public enum Kind { URL, FILE, CLASSPATH }

    private static final String CLASSPATH_PREFIX = "classpath:";

    public FeedLocation {
        Objects.requireNonNull(kind, "kind");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a feed location must not be empty");
        }
    }

    /** {@code https://…} and {@code http://…} are URLs, {@code classpath:x} a resource, the rest a file path. */
    public static FeedLocation parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a feed location must not be empty");
        }
        String trimmed = text.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new FeedLocation(Kind.URL, trimmed);
        }
        if (lower.startsWith(CLASSPATH_PREFIX)) {
            return new FeedLocation(Kind.CLASSPATH, trimmed.substring(CLASSPATH_PREFIX.length()));
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("a feed URL must be http or https: " + trimmed);
        }
        return new FeedLocation(Kind.FILE, trimmed);
    }

    @Override
    public String toString() {
        return kind == Kind.CLASSPATH ? CLASSPATH_PREFIX + value : value;
    }
}
