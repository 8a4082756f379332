package io.freecast.catalog.http.server;

import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real server on a loopback port over a store seeded with {@link CatalogSeed} — a real database, or the
 * in-memory store of catalog-core's fixtures — and a client for it. A database store counts the SQL statements
 * it runs, so a test can see what a request costs.
 */
final class SeededServer implements AutoCloseable {

    /** {@code null} for an in-memory store. */
    final TestDatabase database;
    final CatalogStore store;
    final CatalogHttpServer server;
    final ApiClient api;
    private final AtomicInteger statements;

    private SeededServer(TestDatabase database, CatalogStore store, AtomicInteger statements, CatalogSeed seed,
                         Consumer<CatalogHttpConfig> settings) {
        this.database = database;
        this.store = store;
        this.statements = statements;
        seed.writeTo(store.ports());
        this.server = CatalogHttpServer.create(store.ports().queries(), config -> {
            config.host("127.0.0.1").port(0).healthCheck(store::health);
            settings.accept(config);
        }).start();
        this.api = new ApiClient(server.baseUri());
    }

    static SeededServer start(TestDatabase database, CatalogSeed seed) {
        return start(database, seed, config -> { });
    }

    static SeededServer start(TestDatabase database, CatalogSeed seed, Consumer<CatalogHttpConfig> settings) {
        AtomicInteger statements = new AtomicInteger();
        return new SeededServer(database, database.open(builder -> builder.onStatement(sql -> statements.incrementAndGet())),
                statements, seed, settings);
    }

    /** Over a store that is not a database (the in-memory one): there are no statements to count. */
    static SeededServer start(CatalogStore store, CatalogSeed seed) {
        return new SeededServer(null, store, null, seed, config -> { });
    }

    /** How many SQL statements the store ran while {@code action} did. */
    int statementsDuring(Runnable action) {
        if (statements == null) {
            throw new IllegalStateException("this server's store is not a database: it runs no statements");
        }
        int before = statements.get();
        action.run();
        return statements.get() - before;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            if (database != null) {
                database.close();
            } else {
                store.close();
            }
        }
    }
}
