package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.FieldViolation;
import io.freecast.catalog.port.out.StorageUnavailableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An edit form's state: each field's text (as stored, or as typed when a save failed), each field's error,
 * which fields are locked, and the version it was filled from.
 */
record FormView(Map<String, String> values, Map<String, String> errors, Set<String> locked, String version) {

    /** The error of a whole form the storage did not take: no field of it is wrong. */
    private static final String NOT_SAVED = "not saved";

    String value(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    String error(String field) {
        return errors.get(field);
    }

    boolean invalid(String field) {
        return errors.containsKey(field);
    }

    boolean isLocked(String field) {
        return locked.contains(field);
    }

    /** Errors for fields the form does not show (e.g. {@code sources[0].url}), to list above it. */
    List<String> otherErrors() {
        return errors.entrySet().stream().filter(e -> !values.containsKey(e.getKey()))
                .map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    /**
     * The errors of a form the storage could not take now (another write holds it, or it is away): one line above
     * the form, which shows what was typed again, so that saving once more is one click and nothing typed is lost.
     */
    static Map<String, String> notSaved(StorageUnavailableException e) {
        return notSaved(e, "what you typed is kept below");
    }

    /** The line {@link #notSaved} put above the form, or {@code null}; for forms that show their other errors by field. */
    String notSavedError() {
        String error = errors.get(NOT_SAVED);
        return error == null ? null : NOT_SAVED + ": " + error;
    }

    /** {@link #notSaved(StorageUnavailableException)} for a form that keeps only part of what was typed. */
    static Map<String, String> notSaved(StorageUnavailableException e, String whatIsKept) {
        return Map.of(NOT_SAVED, e.getMessage() + "; " + whatIsKept);
    }

    static Map<String, String> errorsOf(List<FieldViolation> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : violations) {
            errors.merge(v.field(), v.message(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
