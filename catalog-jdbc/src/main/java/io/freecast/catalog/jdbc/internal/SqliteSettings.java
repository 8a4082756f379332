package io.freecast.catalog.jdbc.internal;

import java.time.Duration;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The settings every pooled SQLite connection is opened with. They are connection properties, not a
 * one-off {@code PRAGMA}, so a connection the pool replaces later gets them too.
 *
 * <ul>
 *   <li>WAL journal: readers never wait for the writer, and the writer never waits for readers.</li>
 *   <li>{@code synchronous=NORMAL}: with WAL, durable across application crashes; a power loss may
 *       lose the last transactions but never corrupts the file.</li>
 *   <li>{@code busy_timeout}: a writer waits for another process's write to finish instead of failing.</li>
 *   <li>foreign keys on: SQLite leaves them off by default, and the cascades rely on them.</li>
 *   <li>{@code BEGIN IMMEDIATE}: a transaction takes the write lock when it starts. In the default
 *       deferred mode a transaction that reads and then writes fails with {@code SQLITE_BUSY} when
 *       another writer committed in between, and the busy timeout cannot help it.</li>
 *   <li>{@code mmap_size} up to {@link #MMAP_SIZE}: reads take pages straight from the operating system's
 *       cache instead of a system call and a copy into each connection's own small page cache. On a large
 *       catalog, whose pages do not fit in that cache, a random single-item read costs about a third less
 *       (README, "Scale"). Writes still go through {@code write()}, so a full disk is still an error, not
 *       a crash. The price: if another program truncates or damages the file under a running server, a read
 *       of a page that is gone ends the process (SIGBUS) instead of failing one request.</li>
 *   <li>No generated keys from the driver: by default sqlite-jdbc matches every statement it runs against an
 *       {@code INSERT} pattern and, after each insert, runs a {@code SELECT last_insert_rowid()} of its own in
 *       case someone asks for {@code getGeneratedKeys()}. Nothing here does (new ids come back through
 *       {@code RETURNING} or {@link NewRowIds}), and the match alone was about 3% of a single-item read's CPU.</li>
 *   <li>No mutex of SQLite's own per connection ({@code SQLITE_OPEN_NOMUTEX}, SQLite's "multi-thread" mode):
 *       sqlite-jdbc already makes every call on a connection hold that connection's Java lock (its native
 *       methods are {@code synchronized}), and the pool lends a connection to one thread at a time, so SQLite's
 *       lock was a second one taken and released around every column read — 6–9% of the CPU of an episode
 *       list or a list page that misses the response cache. The one call made without the Java lock,
 *       {@code Statement.cancel()} ({@code sqlite3_interrupt}), is one SQLite allows from any thread in every
 *       mode.</li>
 * </ul>
 */
final class SqliteSettings {

    /** SQLite's usual compile-time ceiling for memory-mapped I/O (2 GiB less 64 KiB); more is cut to it. */
    static final long MMAP_SIZE = 0x7fff0000L;

    private SqliteSettings() {
    }

    static Properties connectionProperties(Duration busyTimeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(MMAP_SIZE));
        config.setGetGeneratedKeys(false);
        config.setOpenMode(SQLiteOpenMode.NOMUTEX);
        return config.toProperties();
    }
}
