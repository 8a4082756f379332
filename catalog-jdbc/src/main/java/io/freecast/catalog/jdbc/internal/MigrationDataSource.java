package io.freecast.catalog.jdbc.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The pool as schema migrations use it: each connection waits for the server's answers, and lets the server run
 * each statement, without a bound while it is held ({@link AnswerTimeouts#unbounded}), since a migration may build
 * an index over millions of rows. Closing it puts the server's limit back ({@link AnswerTimeouts#endUnbounded})
 * before the pool takes it, which puts its own bound back.
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
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> invoke(connection, method, arguments));
    }

    private Object invoke(Connection connection, Method method, Object[] arguments) throws Throwable {
        if (method.getName().equals("close") && method.getParameterCount() == 0 && !connection.isClosed()) {
            try {
                answers.endUnbounded(connection);
            } catch (SQLException e) {
                // Broken by the migration: the pool closes it rather than lend it again.
            }
        }
        try {
            return method.invoke(connection, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
