package io.freecast.catalog.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.jdbc.PoolStats;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** The HikariCP pool, opened so that a database that cannot be used fails at once with a clear message. */
public final class ConnectionPool implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final String SETTING = CatalogStorageException.DATABASE_URL;

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
            hikari.addDataSourceProperty("connectTimeout", Math.max(1, config.connectionTimeout().toSeconds()));
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
            throw new CatalogStorageException("the database did not answer (" + e.getMessage() + ")", e);
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

    /** Turns a driver's failure to connect into one line that says what to fix. */
    static CatalogStorageException explain(DatabaseUrl url, Throwable failure) {
        Throwable root = failure;
        SQLException sql = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && sql == null) {
                sql = s;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new CatalogStorageException("cannot reach the database server of " + url.display()
                        + " (" + oneLine(t) + "); start it or fix " + SETTING, failure, SETTING);
            }
            root = t;
        }
        String state = sql == null ? null : sql.getSQLState();
        String detail = oneLine(sql != null ? sql : root);
        if (url.kind() == DatabaseKind.POSTGRESQL && state != null) {
            if (state.startsWith("08")) {
                return new CatalogStorageException("cannot reach the database server of " + url.display() + " ("
                        + detail + "); start it or fix " + SETTING, failure, SETTING);
            }
            if (state.startsWith("28")) {
                return new CatalogStorageException("the server refused the login to " + url.display() + " (" + detail
                        + "); fix the user or password in " + SETTING, failure, SETTING);
            }
            if (state.equals("3D000")) {
                return new CatalogStorageException("the database of " + url.display() + " does not exist (" + detail
                        + "); create it or fix " + SETTING, failure, SETTING);
            }
        }
        if (url.kind() == DatabaseKind.SQLITE && detail.contains("NOTADB")) {
            return new CatalogStorageException(url.display() + " is not a SQLite database file; point " + SETTING
                    + " at a catalog database or a new file", failure, SETTING);
        }
        return new CatalogStorageException("cannot open " + url.display() + " (" + detail + "); check " + SETTING, failure, SETTING);
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
