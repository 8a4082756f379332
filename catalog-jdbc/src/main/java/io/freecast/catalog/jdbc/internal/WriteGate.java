package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.jdbc.CatalogStorageException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One writer at a time, in this process, for SQLite. SQLite allows a single writer anyway; queueing
 * writers here (fairly, without a deadline shorter than a long import) means a ratings update waiting
 * behind a long import just waits, instead of spinning in SQLite's busy handler until its timeout.
 * PostgreSQL needs no gate: its writers lock rows, not the database.
 */
final class WriteGate {

    private final ReentrantLock lock;
    private final Duration maxWait;

    private WriteGate(ReentrantLock lock, Duration maxWait) {
        this.lock = lock;
        this.maxWait = maxWait;
    }

    static WriteGate forKind(DatabaseKind kind) {
        return new WriteGate(kind.hasSingleWriter() ? new ReentrantLock(true) : null, Duration.ofMinutes(30));
    }

    boolean heldByCurrentThread() {
        return lock != null && lock.isHeldByCurrentThread();
    }

    /**
     * For writes that go through a connection of their own (the run log, leases): on SQLite they would
     * wait for this very thread's transaction to end, which never happens, so they are refused at once.
     */
    <T> T writeOutsideTransaction(String what, Supplier<T> work) {
        if (heldByCurrentThread()) {
            throw new IllegalStateException(what + " cannot be written inside a transaction on SQLite (it has one"
                    + " writer, and this thread's transaction holds it); write it before or after the transaction");
        }
        return write(work);
    }

    <T> T write(Supplier<T> work) {
        if (lock == null) {
            return work.get();
        }
        try {
            if (!lock.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CatalogStorageException("waited " + maxWait.toMinutes()
                        + " minutes for another write to the SQLite database to finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogStorageException("interrupted while waiting to write to the SQLite database", e);
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
