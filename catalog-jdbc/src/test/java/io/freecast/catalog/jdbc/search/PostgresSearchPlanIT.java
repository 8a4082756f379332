package io.freecast.catalog.jdbc.search;

import io.freecast.catalog.jdbc.testing.PostgresPlans;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search plan contract on PostgreSQL: {@code EXPLAIN} (after {@code ANALYZE}, with the search's values
 * written in, as a custom plan would see them) must use the GIN trigram index and neither read the movie
 * table sequentially nor walk one of its indexes without an index condition (a filtered walk).
 */
class PostgresSearchPlanIT extends SearchPlanContract {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\?");

    @Override
    TestDatabase database(Path dir) {
        return TestDatabases.postgres();
    }

    /**
     * With a few thousand rows PostgreSQL rightly reads the whole table (a hundred pages) rather than any
     * index; 100,000 more titles, written in one statement, make it weigh the search as it would in a real
     * catalog. Then the statistics the planner reads are refreshed.
     */
    @Override
    void analyse(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO movie (feed_key, title, title_search, created_at, updated_at)"
                    + " SELECT 'id:bulk' || n, 'Bulk ' || md5(n::text), 'bulk ' || md5(n::text), now(), now()"
                    + " FROM generate_series(1, 100000) AS n");
            statement.execute("ANALYZE movie");
        }
    }

    @Override
    int extraRows() {
        return 100_000;
    }

    /** The plan's lines; an index walk on movie with no "Index Cond" under it comes back as "WALK …". */
    @Override
    List<String> explain(Connection connection, String sql) throws SQLException {
        return PostgresPlans.steps(connection, withValues(sql));
    }

    /** The statement with its placeholders filled: the search pattern after LIKE, else a small number. */
    private static String withValues(String sql) {
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String before = sql.substring(0, matcher.start()).stripTrailing().toLowerCase(Locale.ROOT);
            matcher.appendReplacement(out, before.endsWith("like") ? "'%zyxwvut%'" : "'2'");
        }
        matcher.appendTail(out);
        return out.toString();
    }

    @Override
    boolean scansMovies(String step) {
        return step.contains("Seq Scan on movie") || step.startsWith("WALK ");
    }

    @Override
    boolean usesTrigramIndex(String step) {
        return step.contains("ix_movie_title_trgm");
    }
}
