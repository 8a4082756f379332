package io.freecast.catalog.testing;

import io.freecast.catalog.port.out.Transactions;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Transactions over {@link InMemoryTables} by copy-on-write: a transaction works on its own copy of the
 * committed tables, visible only to its thread, and commits by putting the copy in their place; an exception
 * drops the copy, which is the rollback. One transaction writes at a time (the others wait), as on SQLite.
 * A call inside another joins the outer one. Readers outside a transaction see the last commit.
 *
 * <p>Each repository call that writes outside a transaction is a transaction of its own, as a statement is
 * in auto-commit mode.
 */
final class InMemoryTransactions implements Transactions {

    private final ReentrantLock writer = new ReentrantLock(true);
    private final ThreadLocal<InMemoryTables> working = new ThreadLocal<>();
    private final AtomicLong commits = new AtomicLong();
    private volatile InMemoryTables committed = new InMemoryTables();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return write(tables -> work.get());
    }

    /** Runs {@code change} on the tables this thread writes: its transaction's, or a transaction of its own. */
    <T> T write(Function<InMemoryTables, T> change) {
        InMemoryTables joined = working.get();
        if (joined != null) {
            return change.apply(joined);
        }
        writer.lock();
        try {
            InMemoryTables copy = committed.copy();
            working.set(copy);
            try {
                T result = change.apply(copy);
                committed = copy;
                commits.incrementAndGet();
                return result;
            } finally {
                working.remove();
            }
        } finally {
            writer.unlock();
        }
    }

    /** Reads the tables this thread sees: its transaction's, or the last commit. */
    <T> T read(Function<InMemoryTables, T> query) {
        InMemoryTables joined = working.get();
        return query.apply(joined != null ? joined : committed);
    }

    boolean inTransaction() {
        return working.get() != null;
    }

    /** How many transactions committed so far (a rolled-back one does not count). */
    long commits() {
        return commits.get();
    }
}
