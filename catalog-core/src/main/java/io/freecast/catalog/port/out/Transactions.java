package io.freecast.catalog.port.out;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs work atomically: every repository write made inside {@code work}, on this thread, commits
 * together or not at all. A call inside another joins the outer transaction.
 */
@FunctionalInterface
public interface Transactions {

    /**
     * Runs {@code work} in one transaction and returns its result. A runtime exception thrown by
     * {@code work} rolls everything back and is rethrown unchanged.
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code work} as {@link #inTransaction} does, for a write someone is waiting on as it happens — a
     * person's edit, a sign-in, an API call. Where the storage has one writer at a time and another write holds it
     * long (an import of a whole feed keeps SQLite's until it commits, minutes at a million titles), it may refuse
     * to begin after a short wait with a {@link StorageUnavailableException} instead of queueing: nothing is
     * written, and the caller is told to try again rather than left hanging. Work that can wait its turn (a task's
     * batches) uses {@link #inTransaction}. The default never refuses.
     */
    default <T> T inInteractiveTransaction(Supplier<T> work) {
        return inTransaction(work);
    }

    /**
     * Runs {@code work} as {@link #inTransaction} does, for a write that may change a large share of what is
     * stored (an import of a whole feed). Once it has committed, the storage may do what such a write calls for
     * in its technology, and tells {@code upkeep} what it did, one line for a person each, in its own terms; the
     * caller passes the lines on (an import puts them in its report) without reading them.
     *
     * <p>Upkeep never undoes or fails the write: it has committed. Nothing is told when {@code work} fails
     * (it rolled back) or when this call joined an outer transaction (whose commit is not this call's). The
     * default is a plain transaction with no upkeep.
     */
    default <T> T inBulkTransaction(Supplier<T> work, Consumer<String> upkeep) {
        return inTransaction(work);
    }
}
