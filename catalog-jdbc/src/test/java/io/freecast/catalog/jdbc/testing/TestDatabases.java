package io.freecast.catalog.jdbc.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh databases for tests, on the real engines:
 *
 * <pre>{@code
 * @TempDir Path dir;
 * try (TestDatabase db = TestDatabases.sqlite(dir)) { JdbcCatalogStore store = db.open(); … }
 * try (TestDatabase db = TestDatabases.postgres())  { … }   // skipped without CATALOG_TEST_POSTGRES_URL
 * }</pre>
 *
 * <p>PostgreSQL comes from the JDBC URL in the environment variable {@value #POSTGRES_URL_ENV}
 * ({@code .ci/run} sets {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}). Every database is a
 * new schema with a random name, so tests running at once on one server never meet; it is dropped on
 * close. Without the variable the test is skipped (a JUnit assumption says why) — unless {@code CI=true},
 * where a missing database is an error, not a skip.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL_ENV = "CATALOG_TEST_POSTGRES_URL";

    private TestDatabases() {
    }

    /** A new SQLite file in {@code dir} (a JUnit {@code @TempDir}). */
    public static TestDatabase sqlite(Path dir) {
        Path file = dir.resolve("catalog-" + UUID.randomUUID() + ".db");
        return new TestDatabase(TestDatabase.Kind.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), () -> { });
    }

    /** A new, empty PostgreSQL schema; skips the calling test when no server is configured. */
    public static TestDatabase postgres() {
        String serverUrl = postgresServerUrl();
        String schema = "catalog_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(serverUrl, "CREATE SCHEMA " + schema);
        String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(TestDatabase.Kind.POSTGRESQL, url,
                () -> execute(serverUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    /** A database of the given kind: handy for tests parameterised over both engines. */
    public static TestDatabase of(TestDatabase.Kind kind, Path dir) {
        return kind == TestDatabase.Kind.SQLITE ? sqlite(dir) : postgres();
    }

    /** The server URL from the environment; skips the calling test (fails it under CI) when missing. */
    public static String postgresServerUrl() {
        String url = System.getenv(POSTGRES_URL_ENV);
        if (url == null || url.isBlank()) {
            String message = POSTGRES_URL_ENV + " is not set, so the PostgreSQL tests are skipped; set it to a JDBC"
                    + " URL such as jdbc:postgresql://127.0.0.1:5432/test?user=postgres to run them";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message + " (CI=true: PostgreSQL tests must run)");
            }
            Assumptions.abort(message);
        }
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(POSTGRES_URL_ENV + " must be a jdbc:postgresql: URL, got " + url);
        }
        return url.strip();
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test PostgreSQL server: " + e.getMessage(), e);
        }
    }
}
