package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.StoragePorts;
import io.freecast.catalog.port.in.CatalogOverview;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

/**
 * The storage ports on one connection pool. Two jOOQ contexts share the pool: the main one, whose
 * thread-local transactions the repositories join, and one of its own for the task-run log, the
 * leases and the statistics refreshed after an import, which must never join (or wait for) an import's
 * transaction.
 */
public final class JooqStorage {

    private final StoragePorts ports;
    private final CatalogOverview overview;

    /**
     * @param interactiveWriteWait SQLite: how long a write someone waits on waits for another write before it is
     *                             refused ({@link WriteGate})
     */
    public JooqStorage(ConnectionPool pool, Clock clock, Duration interactiveWriteWait, ExecuteListener... listeners) {
        DataSource dataSource = pool.dataSource();
        DatabaseKind kind = pool.url().kind();
        AnswerTimeouts answers = pool.answerTimeouts();
        WriteGate gate = WriteGate.forKind(kind, interactiveWriteWait);
        // jOOQ assumes SQLite's historic limit of 999 bind values and, above it, inlines every value as a
        // literal: each batch insert became a unique SQL text of ~1 MB to render and parse (5x slower imports).
        // The bundled SQLite allows far more; Batches keeps every statement under MAX_BINDS.
        Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false)
                .withInlineThreshold(Batches.MAX_BINDS);
        DataSourceConnectionProvider connections = new DataSourceConnectionProvider(dataSource);
        ThreadBoundTransactionProvider threadBound = new ThreadBoundTransactionProvider(dataSource);
        DefaultConfiguration main = new DefaultConfiguration();
        main.set(kind.dialect()).set(settings).set(threadBound.connections()).set(threadBound);
        DefaultConfiguration separate = new DefaultConfiguration();
        separate.set(kind.dialect()).set(settings).set(connections);
        if (listeners.length > 0) {
            main.set(DefaultExecuteListenerProvider.providers(listeners));
            separate.set(DefaultExecuteListenerProvider.providers(listeners));
        }
        DSLContext dsl = DSL.using(main);
        DSLContext own = DSL.using(separate);
        JooqTransactions transactions = new JooqTransactions(dsl, threadBound, own, gate, new PlannerStatistics(kind, answers),
                answers);
        JooqTaskRunLog runLog = new JooqTaskRunLog(own, gate);
        JooqCatalogQueries queries = new JooqCatalogQueries(dsl, kind);
        this.ports = StoragePorts.builder()
                .transactions(transactions)
                .shows(new JooqShowRepository(dsl, transactions, clock))
                .movies(new JooqMovieRepository(dsl, transactions, clock))
                .ratings(new JooqRatingRepository(dsl, transactions))
                .sources(new JooqSourceRepository(dsl, transactions))
                .taskRuns(runLog)
                .taskLeases(new JooqTaskLeases(own, gate))
                .queries(queries)
                .auditTrail(new JooqAuditTrail(dsl, transactions))
                .handEdits(new JooqHandEdits(dsl))
                .tombstones(new JooqTombstones(dsl))
                .items(new JooqItemReader(queries))
                .accounts(new JooqAccountRepository(dsl, kind))
                .apiTokens(new JooqApiTokenRepository(dsl))
                .build();
        this.overview = new JooqCatalogOverview(dsl, kind, runLog, answers);
    }

    public StoragePorts ports() {
        return ports;
    }

    public CatalogOverview overview() {
        return overview;
    }
}
