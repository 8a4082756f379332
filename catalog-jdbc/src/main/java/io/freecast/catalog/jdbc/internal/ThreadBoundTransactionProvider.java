package io.freecast.catalog.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DataSourceConnectionProvider;
import org.sqlite.SQLiteConnection;

/**
 * Transactions bound to the thread that runs them: while one is open, every statement this thread makes
 * through {@link #connections()} uses its connection, so repository writes join it without passing
 * anything around (what jOOQ's {@code ThreadLocalTransactionProvider} offers).
 *
 * <p>Written here because with jOOQ's provider, once a transaction had failed on a full SQLite disk, later
 * transactions on the same thread failed with "Connection is closed" — after the disk had room again, and
 * for good ({@code SqliteStorageFaultsIT} in the launcher's tests shows it). Here the connection is unbound
 * and handed back to the pool however the transaction ends: committed, rolled back, or failing at both.
 *
 * <p>No nesting: {@link JooqTransactions} joins an inner call to the outer transaction itself.
 */
final class ThreadBoundTransactionProvider implements TransactionProvider {

    private final DataSourceConnectionProvider pool;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    /** SQLite: how long the transaction this thread begins waits for another program's write, when not as usual. */
    private final ThreadLocal<Duration> briefWait = new ThreadLocal<>();
    private final ConnectionProvider connections = new ConnectionProvider() {
        @Override
        public Connection acquire() {
            Connection transaction = bound.get();
            return transaction != null ? transaction : pool.acquire();
        }

        @Override
        public void release(Connection connection) {
            if (bound.get() != connection) {
                pool.release(connection);
            }
        }
    };

    ThreadBoundTransactionProvider(DataSource dataSource) {
        this.pool = new DataSourceConnectionProvider(dataSource);
    }

    /** The connections statements use: the thread's transaction's while one is open, else the pool's. */
    ConnectionProvider connections() {
        return connections;
    }

    /** True while this thread has a transaction open (for tests). */
    boolean inTransaction() {
        return bound.get() != null;
    }

    /**
     * Runs {@code work}, whose transaction waits at most {@code wait} for another program's write to the SQLite
     * file to end as it begins (its {@code BEGIN IMMEDIATE}), instead of the connection's busy timeout; then fails
     * with {@code SQLITE_BUSY}. Someone is waiting on that write. PostgreSQL begins without waiting for anyone.
     */
    <T> T beginningWithin(Duration wait, Supplier<T> work) {
        briefWait.set(wait);
        try {
            return work.get();
        } finally {
            briefWait.remove();
        }
    }

    @Override
    public void begin(TransactionContext context) {
        if (bound.get() != null) {
            throw new IllegalStateException("a transaction is open on this thread already; join it instead");
        }
        Connection connection = pool.acquire();
        try {
            beginOn(connection);
        } catch (SQLException e) {
            turnAutoCommitBackOn(connection);
            pool.release(connection);
            throw new DataAccessException("cannot begin a transaction: " + e.getMessage(), e);
        }
        bound.set(connection);
    }

    @Override
    public void commit(TransactionContext context) {
        Connection connection = bound.get();
        if (connection == null) {
            throw new IllegalStateException("no transaction is open on this thread");
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            // Still bound: jOOQ rolls back after a failed commit, and the rollback ends it.
            throw new DataAccessException("cannot commit: " + e.getMessage(), e);
        }
        end(connection);
    }

    @Override
    public void rollback(TransactionContext context) {
        Connection connection = bound.get();
        if (connection == null) {
            // The transaction never began (no connection could be had): nothing to undo.
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new DataAccessException("cannot roll back: " + e.getMessage(), e);
        } finally {
            end(connection);
        }
    }

    /**
     * Opens the transaction; SQLite's driver begins it at once ({@code BEGIN IMMEDIATE}), which is where it waits
     * for another program's write — for the busy timeout, or for {@link #beginningWithin}'s wait, after which the
     * connection's own timeout is put back for whoever uses it next.
     */
    private void beginOn(Connection connection) throws SQLException {
        Duration wait = briefWait.get();
        if (wait == null || !connection.isWrapperFor(SQLiteConnection.class)) {
            connection.setAutoCommit(false);
            return;
        }
        SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
        int usual = sqlite.getBusyTimeout();
        sqlite.setBusyTimeout((int) Math.min(wait.toMillis(), usual));
        try {
            connection.setAutoCommit(false);
        } finally {
            sqlite.setBusyTimeout(usual);
        }
    }

    /**
     * After a {@code BEGIN} that failed (SQLite: another program's write past the busy timeout). SQLite's driver
     * marks the connection as in a transaction before it runs the {@code BEGIN}, and keeps the mark when that
     * fails; the pool does not reset what the driver refused. Handed back so, the connection's next transaction
     * would not begin at all: its statements would each commit at once, and its commit fail. Turning auto-commit
     * back on clears the mark (the driver's {@code COMMIT} that goes with it fails harmlessly: there is nothing to
     * commit).
     */
    private static void turnAutoCommitBackOn(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // The expected "no transaction is active"; a connection broken otherwise is evicted by the pool's check.
        }
    }

    /** Unbinds the connection and hands it back to the pool, whatever state it is in. */
    private void end(Connection connection) {
        bound.remove();
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // A broken connection: the pool checks it before lending it again, and evicts it.
        } finally {
            pool.release(connection);
        }
    }
}
