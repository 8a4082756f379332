package io.freecast.catalog.http.server;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.NewToken;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.testing.InMemoryLinkChecker;
import java.util.function.Consumer;

/**
 * A real server with the write API over a real database seeded with {@link CatalogSeed}: three accounts
 * (admin, editor, viewer) each with a token of its role's scope, and the bootstrap token.
 */
final class WriteApiServer implements AutoCloseable {

    static final String BOOTSTRAP_TOKEN = "bootstrap-token-for-tests-0123456789";
    static final String PASSWORD = "correct horse battery staple";

    final TestDatabase database;
    final JdbcCatalogStore store;
    final Catalog catalog;
    final CatalogHttpServer server;
    final ApiClient api;
    final String adminToken;
    final String editorToken;
    final String readToken;
    /** What "check now" ({@code POST /sources/{id}/check}) finds: a reachable 200 unless a test says otherwise. */
    final InMemoryLinkChecker links = new InMemoryLinkChecker();

    private WriteApiServer(TestDatabase database, CatalogSeed seed, Consumer<CatalogHttpConfig> settings) {
        this.database = database;
        this.store = database.open();
        seed.writeTo(store.ports());
        this.catalog = Catalog.builder().storage(store).bootstrapToken(BOOTSTRAP_TOKEN).linkChecker(links).build();
        Caller operator = new Caller(Actor.operator("test"), Scope.ADMIN);
        catalog.accounts().addAccount(operator, "alice", Role.ADMIN, PASSWORD);
        catalog.accounts().addAccount(operator, "eddie", Role.EDITOR, PASSWORD);
        catalog.accounts().addAccount(operator, "vera", Role.VIEWER, PASSWORD);
        this.adminToken = catalog.apiTokens().createToken(operator, new NewToken("alice", "tests", Scope.ADMIN, null)).secret();
        this.editorToken = catalog.apiTokens().createToken(operator, new NewToken("eddie", "tests", Scope.EDIT, null)).secret();
        this.readToken = catalog.apiTokens().createToken(operator, new NewToken("vera", "tests", Scope.READ, null)).secret();
        this.server = CatalogHttpServer.create(catalog.queries(), config -> {
            config.host("127.0.0.1").port(0).healthCheck(store::health)
                    .authentication(catalog.authentication())
                    .editing(catalog.editing())
                    .sourceChecks(catalog.sourceChecks())
                    .accessAdministration(catalog.accounts(), catalog.apiTokens())
                    .routes(new TaskResources(catalog.tasks(), catalog.authentication())::register);
            settings.accept(config);
        }).start();
        this.api = new ApiClient(server.baseUri());
    }

    static WriteApiServer start(TestDatabase database, CatalogSeed seed) {
        return new WriteApiServer(database, seed, config -> { });
    }

    static WriteApiServer start(TestDatabase database, CatalogSeed seed, Consumer<CatalogHttpConfig> settings) {
        return new WriteApiServer(database, seed, settings);
    }

    static String[] bearer(String token, String... more) {
        String[] headers = new String[more.length + 2];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + token;
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            try {
                catalog.close();
            } finally {
                database.close();
            }
        }
    }
}
