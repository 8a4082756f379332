package io.freecast.catalog.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The fields of an item that were changed by hand and that imports (and link checks, for a source's
 * {@code is_active}) therefore leave as they are, by their JSON wire names. Always sorted, so the JSON an
 * item renders, and its ETag, do not depend on the order fields were locked in.
 */
public final class LockedFields {

    public static final SortedSet<String> NONE = Collections.unmodifiableSortedSet(new TreeSet<>());

    private LockedFields() {
    }

    public static SortedSet<String> of(Collection<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return NONE;
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(fields));
    }

    /** {@code fields} with {@code more} added. */
    public static SortedSet<String> plus(Set<String> fields, Collection<String> more) {
        TreeSet<String> all = new TreeSet<>(fields);
        all.addAll(more);
        return Collections.unmodifiableSortedSet(all);
    }

    /** {@code fields} without {@code field}. */
    public static SortedSet<String> minus(Set<String> fields, String field) {
        TreeSet<String> rest = new TreeSet<>(fields);
        rest.remove(field);
        return rest.isEmpty() ? NONE : Collections.unmodifiableSortedSet(rest);
    }
}
