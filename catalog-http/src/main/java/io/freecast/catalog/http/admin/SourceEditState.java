package io.freecast.catalog.http.admin;

import java.util.Map;

/**
 * A source's inline form that failed to save, for its row on the owner's page: open, with what was typed and
 * each error next to its field.
 */
record SourceEditState(long sourceId, Map<String, String> values, Map<String, String> errors) {

    boolean isFor(long id) {
        return sourceId == id;
    }

    String value(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    String error(String field) {
        return errors.get(field);
    }

    /** Errors on fields the inline form does not show, listed above it. */
    java.util.List<String> otherErrors() {
        return errors.entrySet().stream().filter(e -> !values.containsKey(e.getKey()))
                .map(e -> e.getKey() + ": " + e.getValue()).toList();
    }
}
