package io.freecast.catalog.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DataSourceConnectionProvider;

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

    @Override
    public void begin(TransactionContext context) {
        if (bound.get() != null) {
            throw new IllegalStateException("a transaction is open on this thread already; join it instead");
        }
        Connection connection = pool.acquire();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
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
