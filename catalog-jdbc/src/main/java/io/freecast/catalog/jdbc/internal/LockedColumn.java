package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.LockedFields;
import java.util.Arrays;
import java.util.Set;

/**
 * The {@code locked_fields} column: the wire names of the fields changed by hand between commas
 * ({@code ,imdb_rating,title,}), so {@code LIKE '%,title,%'} finds one field without a false match on a
 * name that contains another; {@code NULL} when none (nearly every row, which then costs nothing to read).
 */
final class LockedColumn {

    private LockedColumn() {
    }

    static String toDb(Set<String> fields) {
        return fields == null || fields.isEmpty() ? null : "," + String.join(",", LockedFields.of(fields)) + ",";
    }

    static Set<String> fromDb(String column) {
        if (column == null || column.length() < 2) {
            return LockedFields.NONE;
        }
        return LockedFields.of(Arrays.stream(column.substring(1, column.length() - 1).split(","))
                .filter(name -> !name.isEmpty()).toList());
    }

    /** Whether the column's text locks {@code field}, without building the set (the import's hot path). */
    static boolean locks(String column, String field) {
        return column != null && column.contains("," + field + ",");
    }

    /** The {@code LIKE} pattern that finds rows locking {@code field}. */
    static String pattern(String field) {
        return "%," + field + ",%";
    }
}
