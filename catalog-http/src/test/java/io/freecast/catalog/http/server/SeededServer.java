package io.freecast.catalog.http.server;

import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real server on a loopback port over a real database seeded with {@link CatalogSeed}, and a client
 * for it. The store counts the SQL statements it runs, so a test can see what a request costs.
 */
final class SeededServer implements AutoCloseable {

    final TestDatabase database;
    final JdbcCatalogStore store;
    final CatalogHttpServer server;
    final ApiClient api;
    private final AtomicInteger statements = new AtomicInteger();

    private SeededServer(TestDatabase database, CatalogSeed seed, Consumer<CatalogHttpConfig> settings) {
        this.database = database;
        this.store = database.open(builder -> builder.onStatement(sql -> statements.incrementAndGet()));
        seed.writeTo(store.ports());
        this.server = CatalogHttpServer.create(store.ports().queries(), config -> {
            config.host("127.0.0.1").port(0).healthCheck(store::health);
            settings.accept(config);
        }).start();
        this.api = new ApiClient(server.baseUri());
    }

    static SeededServer start(TestDatabase database, CatalogSeed seed) {
        return new SeededServer(database, seed, config -> { });
    }

    static SeededServer start(TestDatabase database, CatalogSeed seed, Consumer<CatalogHttpConfig> settings) {
        return new SeededServer(database, seed, settings);
    }

    /** How many SQL statements the store ran while {@code action} did. */
    int statementsDuring(Runnable action) {
        int before = statements.get();
        action.run();
        return statements.get() - before;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            database.close();
        }
    }
}
