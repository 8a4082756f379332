package io.freecast.catalog.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * How long a PostgreSQL connection waits for the server's answer to one round trip before it gives the
 * connection up (the driver's {@code socketTimeout}; a connection's network timeout). SQLite has no network:
 * nothing here applies to it.
 *
 * <p>Why: a server that stops answering without closing its connections — frozen, partitioned away, its host
 * paused — leaves every statement under way waiting on its socket. With no bound, the pool's connections are
 * taken one by one and never given back; requests then wait for a free connection, the health check reports a
 * busy pool as up, and nothing recovers until the operating system gives up on the connections, if it ever
 * does (a connection waiting for an answer sends nothing that could go unacknowledged). With a bound, the
 * statement fails as "the database server did not answer in time", the connection is closed, and the store's
 * circuit opens: requests are answered 503 at once and the circuit's probe finds the server again as soon as it
 * answers.
 *
 * <p>A server that is slow but answering is not silent: each connection also asks the server to cancel any
 * statement that runs longer than four fifths of the bound ({@code statement_timeout}, set when the connection
 * starts). Such a statement fails alone with SQLSTATE 57014 ({@link ConnectionFailures.Kind#TOO_SLOW}: that use
 * is refused, the circuit stays closed) and the server stops the work nobody waits for any more; only a server
 * that says nothing at all reaches the client's bound and opens the circuit.
 *
 * <p>Nor is a write waiting for a row another transaction holds (an import's, on this node or another, holds
 * every row it changed until it commits — minutes at a million titles): each connection also gives up waiting
 * for a lock after three fifths of the bound ({@code lock_timeout}), before the statement limit, and fails with
 * SQLSTATE 55P03 ({@link ConnectionFailures.Kind#BUSY}: refused as busy, to be tried again in seconds, not
 * reported as a slow statement).
 *
 * <p>Work that may rightly take long on a large catalog lifts both limits on the connection it uses, for as long
 * as it holds it (the pool puts its bound back when the connection is returned; the server's limit is put back by
 * the transaction's end or a {@code RESET}): a bulk transaction (an import), the planner statistics refreshed
 * after it and the operator's counts of whole tables wait up to {@link #longWork()}; schema migrations, which may
 * build an index over millions of rows, are not bounded at all. Health checks and the circuit's probe, one
 * {@code select 1} each, are bounded by {@link #QUICK_CHECK}, so a check never takes longer than that.
 */
final class AnswerTimeouts {

    /** How long an import's single statement or an {@code ANALYZE} may go without an answer, at least. */
    static final Duration LONG_WORK = Duration.ofMinutes(10);
    /** How long a health check's or probe's {@code select 1} may go without an answer. */
    static final Duration QUICK_CHECK = Duration.ofSeconds(2);

    private final boolean applies;
    private final Duration ordinary;

    /**
     * @param ordinary the bound of every other round trip; {@link Duration#ZERO} for none (then long work
     *                 has none either)
     */
    AnswerTimeouts(DatabaseKind kind, Duration ordinary) {
        this.applies = kind == DatabaseKind.POSTGRESQL;
        this.ordinary = ordinary;
    }

    /**
     * The driver's {@code options}: the server's limits on one statement (four fifths of the ordinary bound) and on
     * waiting for one lock (three fifths), as the connection's own defaults (so {@code RESET} brings them back);
     * {@code null} when there is no bound.
     */
    String driverOptions() {
        return ordinary.isZero() ? null : "-c statement_timeout=" + statementMillis(ordinary)
                + " -c lock_timeout=" + lockMillis(ordinary);
    }

    /** The server's limit on one statement under a bound; 0 (none) under none. */
    private static long statementMillis(Duration bound) {
        return bound.toMillis() * 4 / 5;
    }

    /** The server's limit on waiting for one lock under a bound, short of the statement's; 0 (none) under none. */
    private static long lockMillis(Duration bound) {
        return bound.toMillis() * 3 / 5;
    }

    /** Sets the server's limits for {@code bound} ({@code SET LOCAL} when {@code local}), in one round trip. */
    private static void setLimits(Connection connection, boolean local, Duration bound) throws SQLException {
        String set = local ? "SET LOCAL " : "SET ";
        execute(connection, set + "statement_timeout = " + statementMillis(bound) + "; " + set + "lock_timeout = "
                + lockMillis(bound));
    }

    /** Puts the server's limits back to the connection's own ({@link #driverOptions}), in one round trip. */
    private static void resetLimits(Connection connection) throws SQLException {
        execute(connection, "RESET statement_timeout; RESET lock_timeout");
    }

    /** The ordinary bound in whole seconds, as the driver's {@code socketTimeout} property takes it (0: none). */
    String driverSeconds() {
        return String.valueOf(ordinary.isZero() ? 0 : Math.max(1, ordinary.toSeconds()));
    }

    /** The bound of long work: {@link #LONG_WORK}, or the ordinary bound when that is longer or none. */
    Duration longWork() {
        return ordinary.isZero() || ordinary.compareTo(LONG_WORK) > 0 ? ordinary : LONG_WORK;
    }

    /** One piece of work on a connection. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T run() throws SQLException;
    }

    /**
     * Inside a transaction: lets this connection wait for answers, and the server run each statement, as long as
     * {@link #longWork()} — the client's bound until the connection is returned, the server's until the
     * transaction ends ({@code SET LOCAL}).
     */
    void forLongWorkInTransaction(Connection connection) throws SQLException {
        if (applies) {
            setNetworkTimeout(connection, longWork());
            setLimits(connection, true, longWork());
        }
    }

    /**
     * Runs {@code work} on a connection outside any transaction, waiting for answers and letting the server run
     * each statement as long as {@link #longWork()}; the server's own limit is put back after.
     */
    <T> T withLongWork(Connection connection, ConnectionWork<T> work) throws SQLException {
        if (!applies) {
            return work.run();
        }
        setNetworkTimeout(connection, longWork());
        setLimits(connection, false, longWork());
        T result;
        try {
            result = work.run();
        } catch (SQLException | RuntimeException e) {
            resetLimitsAfter(connection, e);
            throw e;
        }
        resetLimits(connection);
        return result;
    }

    /** {@link #withLongWork(Connection, ConnectionWork)} on one connection of {@code dsl}, through jOOQ. */
    <T> T withLongWork(DSLContext dsl, Function<DSLContext, T> work) {
        return dsl.connectionResult(connection -> withLongWork(connection,
                () -> work.apply(DSL.using(dsl.configuration().derive(connection)))));
    }

    /**
     * Lets this connection, while it is held, wait for answers and run statements without a bound (schema
     * migrations); {@link #endUnbounded} puts the server's limit back before it is returned.
     */
    void unbounded(Connection connection) throws SQLException {
        if (applies) {
            setNetworkTimeout(connection, Duration.ZERO);
            setLimits(connection, false, Duration.ZERO);
        }
    }

    /** The end of {@link #unbounded}: the server's limit back to the connection's own. */
    void endUnbounded(Connection connection) throws SQLException {
        if (applies) {
            resetLimits(connection);
        }
    }

    /** Bounds this connection's answers, while it is held, by {@link #QUICK_CHECK} (the ordinary bound if shorter). */
    void forQuickCheck(Connection connection) throws SQLException {
        if (applies) {
            boolean shorter = !ordinary.isZero() && ordinary.compareTo(QUICK_CHECK) < 0;
            setNetworkTimeout(connection, shorter ? ordinary : QUICK_CHECK);
        }
    }

    private static void resetLimitsAfter(Connection connection, Exception failure) {
        try {
            resetLimits(connection);
        } catch (SQLException e) {
            // A connection the work broke: the pool closes it rather than lend it again.
            failure.addSuppressed(e);
        }
    }

    private static void setNetworkTimeout(Connection connection, Duration bound) throws SQLException {
        // The driver bounds its socket's reads itself; the executor is only for drivers that need a thread.
        connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, bound.toMillis()));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
