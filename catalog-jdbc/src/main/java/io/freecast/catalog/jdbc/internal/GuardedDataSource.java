package io.freecast.catalog.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * The pool as everything after opening uses it: a connection is handed out only while the
 * {@link StorageCircuit} is closed, and a failure to get one that means the database cannot be reached opens
 * the circuit and is thrown as a {@link io.freecast.catalog.port.out.StorageUnavailableException}.
 *
 * <p>The pool itself is asked in short slices (its own {@code connectionTimeout}) up to the store's whole
 * connection timeout: a caller waiting for a busy pool still waits that long, but one waiting while the
 * database goes away learns it within a slice — from the pool's last connection failure, or from another
 * thread that opened the circuit meanwhile — instead of holding its thread for the whole timeout.
 */
final class GuardedDataSource extends DataSourceDecorator {

    private final StorageCircuit circuit;
    private final Duration wait;
    private final LongSupplier nanoClock;

    /**
     * @param pool a pool whose own timeout is one slice
     * @param wait how long a caller may wait in all for a busy pool
     */
    GuardedDataSource(DataSource pool, StorageCircuit circuit, Duration wait, LongSupplier nanoClock) {
        super(pool);
        this.circuit = circuit;
        this.wait = wait;
        this.nanoClock = nanoClock;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(wait);
    }

    /**
     * A connection within {@code maxWait} (rounded up to one slice of the pool's).
     *
     * @throws io.freecast.catalog.port.out.StorageUnavailableException while the database is known to be away
     * @throws SQLException when the pool stayed busy for {@code maxWait}, or the database refused otherwise
     */
    Connection getConnection(Duration maxWait) throws SQLException {
        circuit.check();
        long deadline = nanoClock.getAsLong() + maxWait.toNanos();
        while (true) {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                Optional<ConnectionFailures.Failure> failure = ConnectionFailures.classify(e);
                if (failure.isPresent() && failure.get().kind() == ConnectionFailures.Kind.OUTAGE) {
                    throw circuit.failed(failure.get().cause());
                }
                if (!(e instanceof SQLTransientConnectionException)) {
                    // Not the pool's timeout (e.g. the pool is closed): waiting longer would not help.
                    throw e;
                }
                // Opened by another thread while this one waited: no point waiting on.
                circuit.check();
                if (nanoClock.getAsLong() - deadline >= 0) {
                    throw e;
                }
            }
        }
    }
}
