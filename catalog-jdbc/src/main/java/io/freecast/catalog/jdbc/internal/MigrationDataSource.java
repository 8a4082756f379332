package io.freecast.catalog.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The pool as schema migrations use it: each connection waits for the server's answers without a bound while
 * it is held ({@link AnswerTimeouts#unbounded}), since a migration may build an index over millions of rows;
 * the pool bounds it again when it is returned.
 */
final class MigrationDataSource extends DataSourceDecorator {

    private final AnswerTimeouts answers;

    MigrationDataSource(DataSource pool, AnswerTimeouts answers) {
        super(pool);
        this.answers = answers;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = pool.getConnection();
        try {
            answers.unbounded(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
