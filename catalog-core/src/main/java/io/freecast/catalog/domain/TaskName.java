package io.freecast.catalog.domain;

/** The catalog's tasks, by the names the CLI, the scheduler, the run log and the HTTP API use. */
public enum TaskName {
    IMPORT_SHOWS("import-shows"),
    IMPORT_MOVIES("import-movies"),
    UPDATE_RATINGS("update-ratings"),
    VALIDATE_SOURCES("validate-sources");

    private final String wireName;

    TaskName(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses {@code import-shows} and friends; throws listing the valid names otherwise. */
    public static TaskName fromWireName(String name) {
        for (TaskName task : values()) {
            if (task.wireName.equals(name)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name
                + "'; the tasks are import-shows, import-movies, update-ratings and validate-sources");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
