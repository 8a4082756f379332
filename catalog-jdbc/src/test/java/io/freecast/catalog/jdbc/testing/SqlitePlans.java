package io.freecast.catalog.jdbc.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQLite's {@code EXPLAIN QUERY PLAN} of a statement, one step's detail per element, for the plan tests. */
public final class SqlitePlans {

    private SqlitePlans() {
    }

    public static List<String> steps(Connection connection, String sql) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (PreparedStatement explain = connection.prepareStatement("explain query plan " + sql);
             ResultSet plan = explain.executeQuery()) {
            while (plan.next()) {
                steps.add(plan.getString("detail"));
            }
        }
        return steps;
    }
}
