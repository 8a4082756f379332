package io.freecast.catalog.domain;

/** The catalog's tasks, by the names the CLI, the scheduler, the run log and the HTTP API use. */
public enum TaskName {
    IMPORT_SHOWS("import-shows"),
    IMPORT_MOVIES("import-movies"),
    /** Ratings from the one provider a deployment chose ({@code --provider}), whatever fields it fills. */
    UPDATE_RATINGS("update-ratings"),
    VALIDATE_SOURCES("validate-sources"),
    /**
     * Ratings from the provider that is the source of {@code imdb_rating}, when a deployment has one provider
     * per field (several providers, each with its own schedule).
     */
    UPDATE_IMDB_RATINGS("update-imdb-ratings"),
    /** Ratings from the provider that is the source of {@code kinopoisk_rating}; see {@link #UPDATE_IMDB_RATINGS}. */
    UPDATE_KINOPOISK_RATINGS("update-kinopoisk-ratings");

    private final String wireName;

    TaskName(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The task that keeps {@code field} fresh from the provider that is its source. */
    public static TaskName updatingRatingsOf(RatingField field) {
        return field == RatingField.IMDB ? UPDATE_IMDB_RATINGS : UPDATE_KINOPOISK_RATINGS;
    }

    /** The field a per-field ratings task keeps fresh, or {@code null} for any other task. */
    public RatingField ratingField() {
        return switch (this) {
            case UPDATE_IMDB_RATINGS -> RatingField.IMDB;
            case UPDATE_KINOPOISK_RATINGS -> RatingField.KINOPOISK;
            default -> null;
        };
    }

    /** Every task's name, for messages: {@code import-shows, import-movies, …}. */
    public static String allWireNames() {
        return java.util.Arrays.stream(values()).map(TaskName::wireName)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Parses {@code import-shows} and friends; throws listing the valid names otherwise. */
    public static TaskName fromWireName(String name) {
        for (TaskName task : values()) {
            if (task.wireName.equals(name)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "'; the tasks are " + allWireNames());
    }

    @Override
    public String toString() {
        return wireName;
    }
}
