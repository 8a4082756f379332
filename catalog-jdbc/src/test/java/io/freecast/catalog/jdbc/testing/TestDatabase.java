package io.freecast.catalog.jdbc.testing;

import io.freecast.catalog.jdbc.JdbcCatalogStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.flywaydb.core.Flyway;

/**
 * One fresh, empty database for a test: a SQLite file in a temporary directory or a PostgreSQL schema
 * of its own. Closing it closes every store opened on it and, for PostgreSQL, drops the schema.
 */
public final class TestDatabase implements AutoCloseable {

    /** Which database a test runs on. */
    public enum Kind { SQLITE, POSTGRESQL }

    private final Kind kind;
    private final String url;
    private final Runnable dropper;
    private final List<JdbcCatalogStore> stores = new ArrayList<>();

    TestDatabase(Kind kind, String url, Runnable dropper) {
        this.kind = kind;
        this.url = url;
        this.dropper = dropper;
    }

    public Kind kind() {
        return kind;
    }

    /** The JDBC URL, as {@code --db} / {@code CATALOG_DB} would take it. */
    public String url() {
        return url;
    }

    /** Opens (and migrates) a store on this database; it is closed with the database. */
    public JdbcCatalogStore open() {
        return open(builder -> builder);
    }

    /** Opens a store with settings of the test's choosing, e.g. {@code b -> b.clock(clock)}. */
    public JdbcCatalogStore open(UnaryOperator<JdbcCatalogStore.Builder> settings) {
        JdbcCatalogStore store = settings.apply(JdbcCatalogStore.builder(url)).open();
        synchronized (stores) {
            stores.add(store);
        }
        return store;
    }

    /**
     * Migrates this database only up to {@code version} (and no store is opened): a test of a later migration then
     * writes rows as the schema of that version had them, and opens a store to migrate the rest.
     */
    public void migrateTo(String version) {
        var configuration = Flyway.configure().loggers("slf4j")
                .locations("classpath:db/migration/" + (kind == Kind.SQLITE ? "sqlite" : "postgresql"))
                .target(version);
        int schemaAt = url.indexOf("currentSchema=");
        if (schemaAt >= 0) {
            configuration.schemas(url.substring(schemaAt + "currentSchema=".length()).split("&")[0]);
        }
        configuration.dataSource(url, null, null).load().migrate();
    }

    /** A plain JDBC connection, for a test to look at or tamper with tables directly. */
    public Connection connect() throws SQLException {
        if (kind == Kind.SQLITE) {
            // The same per-connection settings as the store's pool: foreign keys on, wait when busy.
            Properties properties = new Properties();
            properties.setProperty("foreign_keys", "true");
            properties.setProperty("busy_timeout", "60000");
            return DriverManager.getConnection(url, properties);
        }
        return DriverManager.getConnection(url);
    }

    @Override
    public void close() {
        synchronized (stores) {
            stores.forEach(JdbcCatalogStore::close);
            stores.clear();
        }
        dropper.run();
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
