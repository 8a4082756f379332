package io.freecast.catalog.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;

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
 * <p>PostgreSQL's driver already prepares a statement it sees again on the server, by text; there a
 * statement is prepared and closed per run.
 */
final class ReadStatements {

    static final int PER_CONNECTION = 64;

    /** Runs with a prepared statement. */
    @FunctionalInterface
    interface Use<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    private final boolean keep;
    private final Map<Connection, Map<String, PreparedStatement>> kept = new ConcurrentHashMap<>();

    private ReadStatements(boolean keep) {
        this.keep = keep;
    }

    static ReadStatements forKind(DatabaseKind kind) {
        return new ReadStatements(kind.keepsPreparedStatements());
    }

    <T> T use(Connection connection, String sql, Use<T> use) throws SQLException {
        if (!keep) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return use.apply(statement);
            }
        }
        Connection physical = connection.unwrap(SQLiteConnection.class);
        Map<String, PreparedStatement> statements = kept.get(physical);
        if (statements == null) {
            statements = newConnection(physical);
        }
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return use.apply(statement);
    }

    /** A connection seen for the first time; also forgets connections the pool has closed since. */
    private Map<String, PreparedStatement> newConnection(Connection physical) {
        kept.keySet().removeIf(ReadStatements::isClosed);
        Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= PER_CONNECTION) {
                    return false;
                }
                closeQuietly(eldest.getValue());
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
