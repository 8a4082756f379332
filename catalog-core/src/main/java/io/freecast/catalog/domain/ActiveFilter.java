package io.freecast.catalog.domain;

/** Which sources a list shows, by their {@code is_active} flag. */
public enum ActiveFilter {
    ALL,
    ACTIVE_ONLY,
    INACTIVE_ONLY;

    public boolean accepts(boolean active) {
        return switch (this) {
            case ALL -> true;
            case ACTIVE_ONLY -> active;
            case INACTIVE_ONLY -> !active;
        };
    }
}
