package io.freecast.catalog.jdbc.paging;

import io.freecast.catalog.jdbc.testing.PostgresPlans;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nullable sort plan contract on PostgreSQL: {@code EXPLAIN} (after {@code ANALYZE}, with values written
 * in, as a custom plan would see them) must neither read the movie table sequentially, nor walk one of its
 * indexes without an index condition (from an end of it), nor sort the table.
 */
class PostgresNullableSortPlanIT extends NullableSortPlanContract {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\?");

    @Override
    TestDatabase database(Path dir) {
        return TestDatabases.postgres();
    }

    /**
     * With a few thousand rows PostgreSQL rightly reads the whole table rather than any index; 100,000 more
     * movies (a rating and a date known for three in four), written in one statement, make it weigh a page
     * as it would in a real catalog.
     */
    @Override
    void analyse(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO movie (feed_key, title, title_search, release_date, release_year,"
                    + " imdb_rating, kinopoisk_rating, created_at, updated_at)"
                    + " SELECT 'id:bulk' || n, 'Bulk ' || n, 'bulk ' || n,"
                    + " CASE WHEN n % 4 = 0 THEN NULL ELSE date '1950-01-01' + n % 20000 END,"
                    + " CASE WHEN n % 4 = 0 THEN NULL ELSE 1950 + n % 70 END,"
                    + " CASE WHEN n % 4 = 0 THEN NULL ELSE 1 + (n % 90) / 10.0 END,"
                    + " CASE WHEN n % 4 = 0 THEN NULL ELSE 1 + (n % 80) / 10.0 END, now(), now()"
                    + " FROM generate_series(1, 100000) AS n");
            statement.execute("VACUUM ANALYZE movie");
        }
    }

    /** The plan's lines; an index walk on movie with no "Index Cond" under it comes back as "WALK …". */
    @Override
    List<String> explain(Connection connection, String sql) throws SQLException {
        return PostgresPlans.steps(connection, withValues(sql));
    }

    /**
     * The statement with its placeholders filled: a value of the sort column's type (a date is text that
     * the cast in front of it reads), an id, a page length.
     */
    private static String withValues(String sql) {
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String after = sql.substring(matcher.end(), Math.min(sql.length(), matcher.end() + 8));
            matcher.appendReplacement(out, after.startsWith(" as date") ? "'2000-01-01'" : "'50'");
        }
        matcher.appendTail(out);
        return out.toString();
    }

    @Override
    boolean walksMovies(String step) {
        return step.contains("Seq Scan on movie") || step.startsWith("WALK ");
    }

    @Override
    boolean sortsMovies(String step) {
        return step.contains("Seq Scan on movie") || step.matches("\\s*(->\\s+)?Sort\\b.*");
    }
}
