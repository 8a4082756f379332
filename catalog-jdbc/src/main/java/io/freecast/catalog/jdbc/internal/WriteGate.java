package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.port.out.StorageBusyException;
import io.freecast.catalog.port.out.StorageUnavailableException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One writer at a time, in this process, for SQLite. SQLite allows a single writer anyway; queueing
 * writers here (fairly, without a deadline shorter than a long import) means a ratings update waiting
 * behind a long import just waits, instead of spinning in SQLite's busy handler until its timeout.
 * PostgreSQL needs no gate: its writers lock rows, not the database.
 *
 * <p>Someone waiting on a write as it happens (a person's edit, a sign-in) is not queued behind an import: an
 * import holds SQLite's writer for its whole transaction, 20 seconds for a million unchanged movies and over two
 * minutes for a first import of them. Such a write waits {@code interactiveWait} at most and is then refused as
 * {@link StorageUnavailableException} (a 503 with {@code Retry-After}), naming what holds the database — rather
 * than hang until the import commits and apply after the browser or a proxy has given up on it. Behind another
 * program's write (SQLite's own lock) it waits as briefly ({@link ThreadBoundTransactionProvider#beginningWithin}).
 */
final class WriteGate {

    /** Who writes, which says how long it waits for the gate and what it is called while it holds it. */
    enum Writer {
        /** A write that waits its turn, however long (a task's batch, the run log). */
        QUEUED("another write"),
        /** A write that waits its turn and may hold the gate for minutes (an import of a whole feed). */
        BULK("a bulk write (an import)"),
        /** A write someone is waiting on: waits briefly, then is refused. */
        INTERACTIVE("another person's write");

        private final String description;

        Writer(String description) {
            this.description = description;
        }
    }

    /** What a refused interactive write is told to wait: as any write another writer held up. */
    static final Duration RETRY_AFTER = OutageGuard.BUSY_RETRY_AFTER;

    private static final Duration QUEUED_WAIT = Duration.ofMinutes(30);

    private final ReentrantLock lock;
    private final Duration interactiveWait;
    /** What holds the gate now, and since when; read by writers refused behind it. */
    private volatile Holder holder;

    private record Holder(Writer writer, long sinceNanos) {
    }

    private WriteGate(ReentrantLock lock, Duration interactiveWait) {
        this.lock = lock;
        this.interactiveWait = interactiveWait;
    }

    /** @param interactiveWait how long an {@link Writer#INTERACTIVE} write waits before it is refused */
    static WriteGate forKind(DatabaseKind kind, Duration interactiveWait) {
        return new WriteGate(kind.hasSingleWriter() ? new ReentrantLock(true) : null, interactiveWait);
    }

    /** How long an {@link Writer#INTERACTIVE} write waits for another write. */
    Duration interactiveWait() {
        return interactiveWait;
    }

    boolean heldByCurrentThread() {
        return lock != null && lock.isHeldByCurrentThread();
    }

    /**
     * For writes that go through a connection of their own (the run log, leases): on SQLite they would
     * wait for this very thread's transaction to end, which never happens, so they are refused at once.
     */
    <T> T writeOutsideTransaction(String what, Supplier<T> work) {
        return writeOutsideTransaction(what, Writer.QUEUED, work);
    }

    <T> T writeOutsideTransaction(String what, Writer writer, Supplier<T> work) {
        if (heldByCurrentThread()) {
            throw new IllegalStateException(what + " cannot be written inside a transaction on SQLite (it has one"
                    + " writer, and this thread's transaction holds it); write it before or after the transaction");
        }
        return write(writer, work);
    }

    /** Runs {@code work} as a {@link Writer#QUEUED} write. */
    <T> T write(Supplier<T> work) {
        return write(Writer.QUEUED, work);
    }

    <T> T write(Writer writer, Supplier<T> work) {
        if (lock == null) {
            return work.get();
        }
        acquire(writer);
        Holder previous = holder;
        holder = new Holder(writer, System.nanoTime());
        try {
            return work.get();
        } finally {
            // A reentrant call hands the gate back to its outer holder.
            holder = lock.getHoldCount() > 1 ? previous : null;
            lock.unlock();
        }
    }

    private void acquire(Writer writer) {
        Duration wait = writer == Writer.INTERACTIVE ? interactiveWait : QUEUED_WAIT;
        try {
            if (lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogStorageException("interrupted while waiting to write to the SQLite database", e);
        }
        if (writer == Writer.INTERACTIVE) {
            throw busy();
        }
        throw new CatalogStorageException("waited " + wait.toMinutes()
                + " minutes for another write to the SQLite database to finish");
    }

    /** The refusal of an interactive write, naming what held the gate when it gave up. */
    private StorageBusyException busy() {
        Holder current = holder;
        String what = current == null ? Writer.QUEUED.description : current.writer().description + ", for "
                + Duration.ofNanos(System.nanoTime() - current.sinceNanos()).toSeconds() + " s so far";
        return new StorageBusyException("the SQLite database is busy with " + what + "; try again in "
                + RETRY_AFTER.toSeconds() + " s", RETRY_AFTER, null);
    }
}
