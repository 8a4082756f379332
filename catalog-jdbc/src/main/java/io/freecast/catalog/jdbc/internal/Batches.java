package io.freecast.catalog.jdbc.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Splitting work into statements of a bounded size: every write of an upsert is a multi-row insert or
 * a JDBC batch of a few hundred rows, never a statement per row, and never more bind values than a
 * driver accepts (SQLite allows 32,766, PostgreSQL 65,535).
 */
final class Batches {

    /** Bind values per multi-row statement: well under both databases' limits. */
    static final int MAX_BINDS = 10_000;
    /** Rows per JDBC batch or IN list. */
    static final int ROWS = 500;

    private Batches() {
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < items.size(); start += size) {
            chunks.add(items.subList(start, Math.min(items.size(), start + size)));
        }
        return chunks;
    }

    /** Rows per multi-row {@code INSERT} for a table of {@code columns} columns. */
    static int rowsPerInsert(int columns) {
        return Math.max(1, Math.min(1000, MAX_BINDS / columns));
    }

    /**
     * Consecutive chunks of at most {@code size} items in which no key repeats: a draft repeated in one
     * call is applied after its first occurrence, as if it came in a later call.
     */
    static <T, K> List<List<T>> uniqueKeyChunks(List<T> items, Function<T, K> key, int size) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>();
        Set<K> keys = new HashSet<>();
        for (T item : items) {
            if (current.size() == size || !keys.add(key.apply(item))) {
                chunks.add(current);
                current = new ArrayList<>();
                keys.clear();
                keys.add(key.apply(item));
            }
            current.add(item);
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** Runs {@code template} once per row of binds, as JDBC batches of {@link #ROWS}. */
    static void executeBatch(DSLContext dsl, Query template, List<Object[]> binds) {
        for (List<Object[]> chunk : chunks(binds, ROWS)) {
            BatchBindStep batch = dsl.batch(template);
            for (Object[] row : chunk) {
                batch = batch.bind(row);
            }
            batch.execute();
        }
    }
}
