package io.freecast.catalog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.jdbc.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.Test;

/**
 * How long PostgreSQL connections wait for the server's answers, on the real server: the store's bound on every
 * connection and the server's own limit on a statement below it, a URL's own {@code socketTimeout} winning, a
 * slow statement cancelled by the server as no outage, and the work that may take long — a bulk transaction,
 * the statistics refreshed after it, whole-table counts, schema migrations — lifting both for as long as it holds
 * the connection, both put back after. (A server that says nothing at all: {@code PostgresOutageIT}, with a
 * frozen relay.) Skipped, with the reason, without CATALOG_TEST_POSTGRES_URL.
 */
class AnswerTimeoutsIT {

    private static final Duration BOUND = Duration.ofSeconds(1);
    /** Longer than {@link #BOUND}: the server answers, but later than an ordinary round trip may wait. */
    private static final String SLOW = "select pg_sleep(1.6)::text";

    private static ConnectionPool pool(String url, Duration answerTimeout, int size) {
        ConnectionPool pool = ConnectionPool.create(new StoreConfig(DatabaseUrl.parse(url), size, false,
                Duration.ofSeconds(5), Duration.ofSeconds(60), answerTimeout, Clock.systemUTC()));
        pool.connect();
        return pool;
    }

    private static int networkTimeoutMillis(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getNetworkTimeout();
        }
    }

    /** The server's limit on one statement for the next connection the data source lends, as SHOW says it. */
    private static String statementTimeout(DataSource dataSource) {
        return String.valueOf(DSL.using(dataSource, SQLDialect.POSTGRES).fetchValue("show statement_timeout"));
    }

    /** The SQLSTATE of the first SQLException in the chain. */
    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** A statement cancelled by the server's {@code statement_timeout}. */
    private static final String CANCELLED = "57014";

    @Test
    void everyConnectionWaitsForAnAnswerAsLongAsTheStoreSaysAndAUrlsOwnSocketTimeoutWins() throws Exception {
        try (TestDatabase db = TestDatabases.postgres();
             ConnectionPool byDefault = pool(db.url(), io.freecast.catalog.jdbc.JdbcCatalogStore.DEFAULT_ANSWER_TIMEOUT, 2);
             ConnectionPool unbounded = pool(db.url(), Duration.ZERO, 2);
             ConnectionPool byUrl = pool(db.url() + "&socketTimeout=3", Duration.ofSeconds(10), 2)) {
            assertThat(networkTimeoutMillis(byDefault.dataSource())).isEqualTo(5_000);
            assertThat(statementTimeout(byDefault.dataSource())).as("four fifths of it, the server's").isEqualTo("4s");
            assertThat(networkTimeoutMillis(unbounded.dataSource())).isZero();
            assertThat(statementTimeout(unbounded.dataSource())).isEqualTo("0");
            assertThat(networkTimeoutMillis(byUrl.dataSource())).isEqualTo(3_000);
            assertThat(statementTimeout(byUrl.dataSource())).as("the server's limit follows the URL's").isEqualTo("2400ms");
        }
    }

    @Test
    void aSlowStatementIsCancelledByTheServerBeforeTheBoundAsAnErrorOfItsOwnNotAnOutage() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); ConnectionPool pool = pool(db.url(), BOUND, 1)) {
            DSLContext dsl = DSL.using(pool.dataSource(), SQLDialect.POSTGRES);

            assertThatThrownBy(() -> dsl.fetchValue(SLOW))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo(CANCELLED))
                    .satisfies(e -> assertThat(ConnectionFailures.classify(e)).as("too slow, no outage")
                            .hasValueSatisfying(failure -> assertThat(failure.kind()).isEqualTo(ConnectionFailures.Kind.TOO_SLOW)));
            assertThat(dsl.fetchValue("select 1")).as("the same (only) connection still answers").isEqualTo(1);
        }
    }

    @Test
    void aBulkTransactionAndItsStatisticsWaitLongerAndTheConnectionIsBoundedAgainAfter() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); ConnectionPool pool = pool(db.url(), BOUND, 1)) {
            AnswerTimeouts answers = pool.answerTimeouts();
            ThreadBoundTransactionProvider threadBound = new ThreadBoundTransactionProvider(pool.dataSource());
            DSLContext dsl = DSL.using(new DefaultConfiguration().set(SQLDialect.POSTGRES)
                    .set(threadBound.connections()).set(threadBound));
            DSLContext own = DSL.using(new DefaultConfiguration().set(SQLDialect.POSTGRES)
                    .set(new DataSourceConnectionProvider(pool.dataSource())));
            JooqTransactions transactions = new JooqTransactions(dsl, threadBound, own, WriteGate.forKind(DatabaseKind.POSTGRESQL, Duration.ofSeconds(5)),
                    new PlannerStatistics(DatabaseKind.POSTGRESQL, answers), answers);
            List<String> upkeep = new ArrayList<>();

            // 2,000 rows in a new table: beyond autovacuum's threshold, so the import's ANALYZE runs too.
            String answered = transactions.inBulkTransaction(() -> {
                dsl.execute("create table bulk_rows (n int)");
                dsl.execute("insert into bulk_rows select generate_series(1, 2000)");
                return String.valueOf(dsl.fetchValue(SLOW));
            }, upkeep::add);

            assertThat(answered).as("the slow statement inside the bulk transaction was answered").isEmpty();
            assertThat(dsl.fetchValue("select count(*) from bulk_rows", Long.class)).isEqualTo(2_000L);
            assertThat(upkeep).singleElement().asString().contains("bulk_rows");
            assertThat(networkTimeoutMillis(pool.dataSource())).as("bounded again once returned to the pool")
                    .isEqualTo(1_000);
            assertThat(statementTimeout(pool.dataSource())).as("the server's limit back at the transaction's end")
                    .isEqualTo("800ms");
            assertThatThrownBy(() -> dsl.fetchValue(SLOW)).satisfies(e -> assertThat(sqlState(e)).isEqualTo(CANCELLED));
        }
    }

    @Test
    void workOutsideATransactionWaitsLongerAndTheServersLimitIsBackAfterEvenWhenItFails() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); ConnectionPool pool = pool(db.url(), BOUND, 1)) {
            AnswerTimeouts answers = pool.answerTimeouts();
            DSLContext dsl = DSL.using(pool.dataSource(), SQLDialect.POSTGRES);

            Object answered = answers.withLongWork(dsl, counting -> counting.fetchValue(SLOW));
            assertThat(answered).isEqualTo("");
            assertThat(statementTimeout(pool.dataSource())).isEqualTo("800ms");
            assertThatThrownBy(() -> answers.withLongWork(dsl, failing -> failing.fetchValue("select 1 / 0")))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("22012"));
            assertThat(statementTimeout(pool.dataSource())).isEqualTo("800ms");
            assertThat(networkTimeoutMillis(pool.dataSource())).isEqualTo(1_000);
        }
    }

    @Test
    void schemaMigrationsWaitWithoutABound() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); ConnectionPool pool = pool(db.url(), BOUND, 1)) {
            DataSource migrations = pool.migrationDataSource();

            try (Connection connection = migrations.getConnection()) {
                assertThat(connection.getNetworkTimeout()).isZero();
                assertThat(DSL.using(connection, SQLDialect.POSTGRES).fetchValue("show statement_timeout")).isEqualTo("0");
                assertThat(DSL.using(connection, SQLDialect.POSTGRES).fetchValue(SLOW)).isEqualTo("");
            }
            assertThat(networkTimeoutMillis(pool.dataSource())).as("the same connection bounded again in the pool")
                    .isEqualTo(1_000);
            assertThat(statementTimeout(pool.dataSource())).isEqualTo("800ms");
        }
    }
}
