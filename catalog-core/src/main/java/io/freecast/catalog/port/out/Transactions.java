package io.freecast.catalog.port.out;

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
}
