package io.freecast.catalog.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.CoreResultSet;

/**
 * Where the read side's {@link RenderedSelect}s get their prepared statements.
 *
 * <p>On SQLite each pooled connection keeps the statements it has prepared, by SQL text, and a read
 * reuses them: preparing (SQLite compiling the SQL, the driver reading column names) was a fifth of an
 * uncached API request's CPU, for the same few texts over and over. The statements are held on the
 * physical connection, not the pool's proxy of it, so they outlive a checkout; only the thread that has
 * the connection checked out uses them, and a read closes its result set, which resets the statement
 * (no read transaction stays open). When the pool closes a connection, its statements close with it and
 * are forgotten. At most {@link #PER_CONNECTION} statements are kept per connection (the least recently
 * used one is closed first), since a page's children query has one text per page length.
 *
 * <p>A kept statement also keeps its columns' names. The driver reads them again through the native
 * library on every {@code executeQuery} (one call back into Java per column: a tenth of an uncached
 * single-item request's CPU) though a statement's columns never change; a kept statement is run with
 * {@code execute} instead, and its reused result set given the names read the first time.
 *
 * <p>PostgreSQL's driver already prepares a statement it sees again on the server, by text; there a
 * statement is prepared and closed per run.
 */
final class ReadStatements {

    static final int PER_CONNECTION = 64;

    /** Runs with a prepared statement. */
    @FunctionalInterface
    interface Use<T> {
        T apply(Prepared statement) throws SQLException;
    }

    /** A prepared statement to bind and run. */
    interface Prepared {

        PreparedStatement statement();

        /** Runs the statement; the caller closes the result. */
        ResultSet executeQuery() throws SQLException;
    }

    /** A statement prepared for one run and closed after it. */
    private record OneRun(PreparedStatement statement) implements Prepared {

        @Override
        public ResultSet executeQuery() throws SQLException {
            return statement.executeQuery();
        }
    }

    /**
     * A kept SQLite statement, with the result set object the driver reuses for every run of it and the
     * column names that result set had (the driver forgets them when the result set is closed).
     */
    private static final class Kept implements Prepared {

        private final PreparedStatement statement;
        private CoreResultSet results;
        private String[] names;

        Kept(PreparedStatement statement) {
            this.statement = statement;
        }

        @Override
        public PreparedStatement statement() {
            return statement;
        }

        @Override
        public ResultSet executeQuery() throws SQLException {
            if (names == null) {
                ResultSet rows = statement.executeQuery();
                if (rows instanceof CoreResultSet core && core.colsMeta != null) {
                    results = core;
                    names = core.colsMeta;
                }
                return rows;
            }
            // execute() resets the statement and steps to its first row like executeQuery(), but leaves
            // the result set to getResultSet(), which reads the names only when it has none.
            if (!statement.execute()) {
                throw new SQLException("a kept read statement returned no result set");
            }
            results.colsMeta = names;
            return statement.getResultSet();
        }
    }

    private final boolean keep;
    private final Map<Connection, Map<String, Kept>> kept = new ConcurrentHashMap<>();

    private ReadStatements(boolean keep) {
        this.keep = keep;
    }

    static ReadStatements forKind(DatabaseKind kind) {
        return new ReadStatements(kind.keepsPreparedStatements());
    }

    <T> T use(Connection connection, String sql, Use<T> use) throws SQLException {
        if (!keep) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return use.apply(new OneRun(statement));
            }
        }
        Connection physical = connection.unwrap(SQLiteConnection.class);
        Map<String, Kept> statements = kept.get(physical);
        if (statements == null) {
            statements = newConnection(physical);
        }
        Kept statement = statements.get(sql);
        if (statement == null || statement.statement().isClosed()) {
            statement = new Kept(physical.prepareStatement(sql));
            statements.put(sql, statement);
        }
        return use.apply(statement);
    }

    /** A connection seen for the first time; also forgets connections the pool has closed since. */
    private Map<String, Kept> newConnection(Connection physical) {
        kept.keySet().removeIf(ReadStatements::isClosed);
        Map<String, Kept> statements = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                if (size() <= PER_CONNECTION) {
                    return false;
                }
                closeQuietly(eldest.getValue().statement());
                return true;
            }
        };
        kept.put(physical, statements);
        return statements;
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // Evicted from the cache; a statement that cannot close has nothing left to release.
        }
    }
}
