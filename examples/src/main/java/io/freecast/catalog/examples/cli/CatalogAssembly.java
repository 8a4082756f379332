package io.freecast.catalog.examples.cli;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.http.client.JsonFeedReader;
import io.freecast.catalog.http.client.OutboundHttp;
import io.freecast.catalog.http.client.OutboundHttpSettings;
import io.freecast.catalog.jdbc.CatalogStorageException;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.util.function.BiFunction;

/**
 * The launcher's wiring, in one place: which adapter implements which port. Every command builds its
 * {@link Catalog} here, so a new adapter (a rating provider, the link checker) is added once, below.
 *
 * <p>Opening the store also migrates the schema, so a first command in an empty directory just works.
 */
public final class CatalogAssembly implements AutoCloseable {

    private final OutboundHttp http;
    private final JdbcCatalogStore store;
    private final Catalog catalog;

    private CatalogAssembly(OutboundHttp http, JdbcCatalogStore store, Catalog catalog) {
        this.http = http;
        this.store = store;
        this.catalog = catalog;
    }

    /**
     * @throws ConfigurationException when the database cannot be opened as configured (exit code 2)
     */
    public static CatalogAssembly open(DatabaseOptions database, OutboundOptions outbound) {
        return open(database, outbound, JsonFeedReader.DEFAULT_MAX_BYTES);
    }

    /**
     * For the imports: their feeds read up to {@code maxFeedBytes} ({@code --max-feed-size}).
     *
     * @throws ConfigurationException when the database cannot be opened as configured (exit code 2)
     */
    public static CatalogAssembly open(DatabaseOptions database, OutboundOptions outbound, long maxFeedBytes) {
        return open(database, OutboundHttpSettings.defaults().withAllowPrivateTargets(outbound.allowPrivate()),
                maxFeedBytes, (builder, http) -> builder);
    }

    /**
     * With outbound settings of the command's choosing (validate-sources sets its own timeouts) and the
     * adapters only some commands configure (a rating provider, a link checker), built on the same guarded
     * client as the feed reader.
     *
     * @throws ConfigurationException when the database cannot be opened as configured (exit code 2)
     */
    public static CatalogAssembly open(DatabaseOptions database, OutboundHttpSettings httpSettings,
                                       BiFunction<Catalog.Builder, OutboundHttp, Catalog.Builder> adapters) {
        return open(database, httpSettings, JsonFeedReader.DEFAULT_MAX_BYTES, adapters);
    }

    /**
     * As {@link #open(DatabaseOptions, OutboundHttpSettings, BiFunction)}, with feeds read up to {@code maxFeedBytes}
     * ({@code --max-feed-size}: serve's scheduled and triggered imports).
     *
     * @throws ConfigurationException when the database cannot be opened as configured (exit code 2)
     */
    public static CatalogAssembly open(DatabaseOptions database, OutboundHttpSettings httpSettings, long maxFeedBytes,
                                       BiFunction<Catalog.Builder, OutboundHttp, Catalog.Builder> adapters) {
        JdbcCatalogStore store = openStore(database, true);
        OutboundHttp http = null;
        try {
            http = new OutboundHttp(httpSettings);
            Catalog.Builder builder = Catalog.builder()
                    .storage(store)
                    .feedReader(new JsonFeedReader(http, maxFeedBytes));
            Catalog catalog = adapters.apply(builder, http).build();
            return new CatalogAssembly(http, store, catalog);
        } catch (RuntimeException e) {
            if (http != null) {
                http.close();
            }
            store.close();
            throw e instanceof CatalogStorageException storage ? LauncherTerms.configurationError(storage) : e;
        }
    }

    /**
     * The storage alone, for commands that need no catalog ({@code migrate}).
     *
     * @param migrate bring the schema up to date on opening (what every command but {@code migrate} wants)
     */
    public static JdbcCatalogStore openStore(DatabaseOptions database, boolean migrate) {
        try {
            return JdbcCatalogStore.builder(database.db()).migrateOnOpen(migrate)
                    .answerTimeout(database.answerTimeout()).open();
        } catch (CatalogStorageException e) {
            throw LauncherTerms.configurationError(e);
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The catalog's store, for what only the database knows (its pool, its description); the catalog closes it. */
    public JdbcCatalogStore store() {
        return store;
    }

    @Override
    public void close() {
        try {
            catalog.close();
        } finally {
            http.close();
        }
    }
}
