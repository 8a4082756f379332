package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.FieldViolation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An edit broke one or more rules. It lists every rule broken, never only the first, so a form or an API
 * client can show them all at once (HTTP answers 422). Nothing was changed.
 */
public class InvalidEditException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidEditException(List<FieldViolation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid edit names at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String describe(List<FieldViolation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }
}
