package io.freecast.catalog.jdbc.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code EXPLAIN} of a statement, one line per element, for the plan tests; an index walk on
 * {@code movie} with no {@code Index Cond} under it (an index read in order from one end, filtering) is followed
 * by the same line marked {@code "WALK …"}, which a test can refuse as it refuses a {@code Seq Scan}.
 */
public final class PostgresPlans {

    private static final Pattern NODE_ON_MOVIE =
            Pattern.compile("(Index Scan|Index Only Scan)( Backward)? using \\S+ on movie\\b");

    private PostgresPlans() {
    }

    /** @param sql a statement with its values written in (EXPLAIN takes no parameters) */
    public static List<String> steps(Connection connection, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet plan = statement.executeQuery("EXPLAIN " + sql)) {
            while (plan.next()) {
                lines.add(plan.getString(1));
            }
        }
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            steps.add(line);
            if (NODE_ON_MOVIE.matcher(line).find() && !hasIndexCondition(lines, i)) {
                steps.add("WALK " + line);
            }
        }
        return steps;
    }

    /** Whether the plan node on line {@code node} has an "Index Cond" among its own detail lines. */
    private static boolean hasIndexCondition(List<String> lines, int node) {
        for (int j = node + 1; j < lines.size() && !lines.get(j).contains("->"); j++) {
            if (lines.get(j).contains("Index Cond:")) {
                return true;
            }
        }
        return false;
    }
}
