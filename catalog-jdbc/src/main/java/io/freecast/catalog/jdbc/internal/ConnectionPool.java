package io.freecast.catalog.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.jdbc.PoolStats;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** The HikariCP pool, opened so that a database that cannot be used fails at once with a clear message. */
public final class ConnectionPool implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final HikariDataSource dataSource;
    private final DatabaseUrl url;

    private ConnectionPool(HikariDataSource dataSource, DatabaseUrl url) {
        this.dataSource = dataSource;
        this.url = url;
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
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        // One attempt at start-up: a server that is down or a file that cannot be opened is reported now.
        hikari.setInitializationFailTimeout(1);
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
            // Named in pg_stat_activity, so an operator can tell the catalog's connections apart.
            hikari.addDataSourceProperty("ApplicationName", "catalog");
        }
        return new ConnectionPool(hikari, url);
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

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseUrl url() {
        return url;
    }

    /**
     * A cheap round trip, for health checks: plain JDBC, so answering {@code /health} never waits for jOOQ's
     * first query (hundreds of classes) on a cold start.
     */
    public void ping() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
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
        dataSource.close();
    }

    /** Turns a driver's failure to connect into one line that names the condition and says what to fix. */
    static CatalogStorageException explain(DatabaseUrl url, Throwable failure) {
        return StorageFailures.whileOpening(url, failure);
    }
}
