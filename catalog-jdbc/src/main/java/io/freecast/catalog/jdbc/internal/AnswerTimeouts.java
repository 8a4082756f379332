package io.freecast.catalog.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
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
 * busy pool as up, and nothing recovers until the operating system gives up on the connections, if it ever does
 * (a connection waiting for an answer sends nothing that could go unacknowledged). With a bound, the statement fails as "the database server
 * did not answer in time", the connection is closed, and the store's circuit opens: requests are answered 503 at
 * once and the circuit's probe finds the server again as soon as it answers.
 *
 * <p>Work that may rightly take long on a large catalog lifts the bound on the connection it uses, for as long as
 * it holds it (the pool puts the ordinary bound back when the connection is returned): a bulk transaction (an
 * import), the planner statistics refreshed after it and the operator's counts of whole tables wait up to
 * {@link #longWork()}; schema migrations, which
 * may build an index over millions of rows, are not bounded at all. Health checks and the circuit's probe, one
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

    /** The ordinary bound in whole seconds, as the driver's {@code socketTimeout} property takes it (0: none). */
    String driverSeconds() {
        return String.valueOf(ordinary.isZero() ? 0 : Math.max(1, ordinary.toSeconds()));
    }

    /** The bound of long work: {@link #LONG_WORK}, or the ordinary bound when that is longer or none. */
    Duration longWork() {
        return ordinary.isZero() || ordinary.compareTo(LONG_WORK) > 0 ? ordinary : LONG_WORK;
    }

    /** Lets this connection, while it is held, wait for answers as long as {@link #longWork()}. */
    void forLongWork(Connection connection) throws SQLException {
        set(connection, longWork());
    }

    /** Runs {@code work} on one connection of {@code dsl} that may wait for answers as long as {@link #longWork()}. */
    <T> T withLongWork(DSLContext dsl, Function<DSLContext, T> work) {
        return dsl.connectionResult(connection -> {
            forLongWork(connection);
            return work.apply(DSL.using(dsl.configuration().derive(connection)));
        });
    }

    /** Lets this connection, while it is held, wait for answers without a bound (schema migrations). */
    void unbounded(Connection connection) throws SQLException {
        set(connection, Duration.ZERO);
    }

    /** Bounds this connection's answers, while it is held, by {@link #QUICK_CHECK} (or the ordinary bound if shorter). */
    void forQuickCheck(Connection connection) throws SQLException {
        set(connection, !ordinary.isZero() && ordinary.compareTo(QUICK_CHECK) < 0 ? ordinary : QUICK_CHECK);
    }

    private void set(Connection connection, Duration bound) throws SQLException {
        if (applies) {
            // The driver bounds its socket's reads itself; the executor is only for drivers that need a thread.
            connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, bound.toMillis()));
        }
    }
}
