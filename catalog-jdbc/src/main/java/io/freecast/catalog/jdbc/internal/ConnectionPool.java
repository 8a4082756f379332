package io.freecast.catalog.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.freecast.catalog.StoragePorts;
import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.jdbc.PoolStats;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HikariCP pool, opened so that a database that cannot be used fails at once with a clear message. */
public final class ConnectionPool implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    /**
     * The pool's own connection timeout: one slice of a caller's wait (see {@link GuardedDataSource}), so a
     * caller waiting while the database goes away learns it within half a second.
     */
    static final Duration ACQUIRE_SLICE = Duration.ofMillis(500);
    /** How often the circuit asks a database that went away whether it is back. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    /** At most one "still unavailable" line this often while an outage lasts. */
    static final Duration OUTAGE_SUMMARY_INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger("io.freecast.catalog.jdbc.database");

    private final HikariDataSource dataSource;
    private final DatabaseUrl url;
    private final StorageCircuit circuit;
    private final GuardedDataSource guarded;
    private final AnswerTimeouts answers;

    private ConnectionPool(HikariDataSource dataSource, DatabaseUrl url, Duration wait, AnswerTimeouts answers) {
        this.dataSource = dataSource;
        this.url = url;
        this.answers = answers;
        this.circuit = new StorageCircuit(url.display(), PROBE_INTERVAL, OUTAGE_SUMMARY_INTERVAL, this::probe,
                System::nanoTime, new StorageCircuit.LogLines(LOG::warn, LOG::info));
        this.guarded = new GuardedDataSource(dataSource, circuit, wait, System::nanoTime);
    }

    /**
     * The pool, configured but not connected yet: {@link #connect()} makes the first connection. The two are
     * apart so that work needing only the {@link #dataSource()} object (building the jOOQ side) can start
     * while the first connection is made (for SQLite, loading the native library).
     */
    public static ConnectionPool create(StoreConfig config) {
        DatabaseUrl url = config.url();
        // Configured through the data source itself (not a HikariConfig), so the pool starts on first use.
        HikariDataSource hikari = new HikariDataSource();
        hikari.setPoolName("catalog-" + url.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + POOLS.incrementAndGet());
        hikari.setJdbcUrl(url.jdbcUrl());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(Math.min(2, config.poolSize()));
        Duration slice = config.connectionTimeout().compareTo(ACQUIRE_SLICE) < 0 ? config.connectionTimeout() : ACQUIRE_SLICE;
        hikari.setConnectionTimeout(slice.toMillis());
        // Checking a borrowed connection must fit in one slice (Hikari would shorten it itself, with a warning).
        hikari.setValidationTimeout(slice.toMillis());
        // One attempt at start-up: a server that is down or a file that cannot be opened is reported now.
        hikari.setInitializationFailTimeout(1);
        // A socketTimeout in the URL is the operator's answer timeout: the server's limit follows it too.
        AnswerTimeouts answers = new AnswerTimeouts(url.kind(), url.socketTimeout().orElse(config.answerTimeout()));
        if (url.kind() == DatabaseKind.SQLITE) {
            SqliteNativeLibrary.useCachedCopy();
            hikari.setDriverClassName("org.sqlite.JDBC");
            hikari.setDataSourceProperties(SqliteSettings.connectionProperties(config.busyTimeout()));
        } else {
            hikari.setDriverClassName("org.postgresql.Driver");
            // As strings: the driver reads its properties with getProperty, which sees no Long.
            String seconds = String.valueOf(Math.max(1, config.connectionTimeout().toSeconds()));
            hikari.addDataSourceProperty("connectTimeout", seconds);
            // connectTimeout bounds the TCP connect only: a server that accepts and never answers the
            // start-up would hold open() (and every new pooled connection) for ever without this.
            hikari.addDataSourceProperty("loginTimeout", seconds);
            // Every round trip's answer (AnswerTimeouts); the driver reads a URL's own over these properties.
            hikari.addDataSourceProperty("socketTimeout", answers.driverSeconds());
            // The server's own limits on a statement and on a lock wait, below that bound: slow is not silent, and
            // held up by another writer is busy (AnswerTimeouts). Options in the URL win, as above.
            if (answers.driverOptions() != null) {
                hikari.addDataSourceProperty("options", answers.driverOptions());
            }
            // An import's batch of single-row INSERTs goes to the server as multi-row statements: fewer executions,
            // and the statement-level triggers that keep the catalog's counts (V6, V13) run once per statement
            // instead of once per row.
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
            // Named in pg_stat_activity, so an operator can tell the catalog's connections apart.
            hikari.addDataSourceProperty("ApplicationName", "catalog");
        }
        return new ConnectionPool(hikari, url, config.connectionTimeout(), answers);
    }

    /**
     * Starts the pool with a first connection, so that a database that cannot be used fails now, with a
     * message that says what to fix.
     */
    public void connect() {
        try {
            dataSource.getConnection().close();
        } catch (SQLException | RuntimeException e) {
            throw explain(url, e);
        }
    }

    /**
     * The pool behind the {@link #circuit()}: refuses at once while the database is known to be away, and
     * opens the circuit when a connection cannot be had because it went away.
     */
    public DataSource dataSource() {
        return guarded;
    }

    /** The pool as schema migrations use it: behind the circuit, its connections' answers not bounded. */
    public DataSource migrationDataSource() {
        return new MigrationDataSource(guarded, answers);
    }

    /** How long this pool's connections wait for the server's answers, and how work that may take long lifts it. */
    AnswerTimeouts answerTimeouts() {
        return answers;
    }

    /** The circuit breaker in front of the database. */
    StorageCircuit circuit() {
        return circuit;
    }

    /**
     * The outage under way, in a few words for a health check ("unavailable for 3 s (connection refused)");
     * empty while the database answers.
     */
    public Optional<String> outage() {
        return circuit.cause().flatMap(cause -> circuit.openFor()
                .map(duration -> "unavailable for " + duration.toSeconds() + " s (" + cause + ")"));
    }

    /**
     * The store's ports behind the circuit: a failure that means the database is away leaves them as such, any
     * other database failure named ({@link FailureNaming}).
     */
    public StoragePorts guard(StoragePorts ports) {
        return namingGuard().guard(ports);
    }

    /** One more port behind the circuit, its failures named too (e.g. the operator's overview). */
    public <T> T guard(Class<T> port, T implementation) {
        return namingGuard().guard(port, implementation);
    }

    private OutageGuard namingGuard() {
        return new OutageGuard(circuit, failure -> FailureNaming.translated(failure, url), LOG::warn);
    }

    public DatabaseUrl url() {
        return url;
    }

    /**
     * A cheap round trip, for health checks: plain JDBC, so answering {@code /health} never waits for jOOQ's
     * first query (hundreds of classes) on a cold start. Refused at once while the circuit is open; waits
     * at most {@code maxWait} for a busy pool.
     *
     * @throws io.freecast.catalog.port.out.StorageUnavailableException while the database is away (the
     *         circuit opens if it was not open yet)
     * @throws CatalogStorageException when the database answered with an error, or no connection was free
     */
    public void ping(Duration maxWait) {
        try (Connection connection = guarded.getConnection(maxWait);
             Statement statement = connection.createStatement()) {
            answers.forQuickCheck(connection);
            statement.execute("select 1");
        } catch (SQLException e) {
            Optional<ConnectionFailures.Failure> failure = ConnectionFailures.classify(e);
            if (failure.isPresent() && failure.get().kind() == ConnectionFailures.Kind.OUTAGE) {
                throw circuit.failed(failure.get().cause());
            }
            throw new CatalogStorageException("the database did not answer (" + e.getMessage() + ")", e);
        }
    }

    /** The circuit's probe: one round trip past the circuit, straight to the pool. */
    private void probe() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            answers.forQuickCheck(connection);
            statement.execute("select 1");
        } catch (SQLException e) {
            throw StorageFailures.inUse(url, e);
        }
    }

    public PoolStats stats() {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        if (pool == null) {
            return new PoolStats(0, 0, 0, 0, dataSource.getMaximumPoolSize());
        }
        return new PoolStats(pool.getActiveConnections(), pool.getIdleConnections(), pool.getTotalConnections(),
                pool.getThreadsAwaitingConnection(), dataSource.getMaximumPoolSize());
    }

    @Override
    public void close() {
        circuit.close();
        dataSource.close();
    }

    /** Turns a driver's failure to connect into one line that names the condition and says what to fix. */
    static CatalogStorageException explain(DatabaseUrl url, Throwable failure) {
        return StorageFailures.whileOpening(url, failure);
    }
}
