package io.freecast.catalog.application;

import io.freecast.catalog.domain.FieldViolation;
import io.freecast.catalog.port.in.InvalidEditException;
import java.util.ArrayList;
import java.util.List;

/** The broken rules of one edit, collected field by field so all of them are reported together. */
final class Violations {

    private final List<FieldViolation> found = new ArrayList<>();

    void add(String field, String message) {
        found.add(new FieldViolation(field, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** @throws InvalidEditException with every violation found, when there is any */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidEditException(found);
        }
    }
}
