package io.freecast.catalog.examples.bench;

import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.out.AccountRepository;
import io.freecast.catalog.port.out.ApiTokenRepository;
import io.freecast.catalog.port.out.AuditTrail;
import io.freecast.catalog.port.out.CatalogStorage;
import io.freecast.catalog.port.out.MovieRepository;
import io.freecast.catalog.port.out.RatingRepository;
import io.freecast.catalog.port.out.ShowRepository;
import io.freecast.catalog.port.out.SourceRepository;
import io.freecast.catalog.port.out.StorageHealth;
import io.freecast.catalog.port.out.TaskLeases;
import io.freecast.catalog.port.out.TaskRunLog;
import io.freecast.catalog.port.out.Transactions;
import java.nio.file.Path;

/** Opens the benchmark's SQLite file, and lends it to several catalogs in turn. */
final class BenchStorage {

    private BenchStorage() {
    }

    /** A new SQLite catalog in {@code file}, migrated. */
    static CatalogStorage open(Path file) {
        return JdbcCatalogStore.open(file.toAbsolutePath().toString());
    }

    /** A storage whose {@code close()} does nothing: the benchmark closes the real one at the end. */
    static CatalogStorage unclosable(CatalogStorage storage) {
        return new CatalogStorage() {
            @Override public ShowRepository shows() { return storage.shows(); }
            @Override public MovieRepository movies() { return storage.movies(); }
            @Override public RatingRepository ratings() { return storage.ratings(); }
            @Override public SourceRepository sources() { return storage.sources(); }
            @Override public TaskRunLog taskRuns() { return storage.taskRuns(); }
            @Override public TaskLeases taskLeases() { return storage.taskLeases(); }
            @Override public AccountRepository accounts() { return storage.accounts(); }
            @Override public ApiTokenRepository apiTokens() { return storage.apiTokens(); }
            @Override public AuditTrail auditTrail() { return storage.auditTrail(); }
            @Override public Transactions transactions() { return storage.transactions(); }
            @Override public CatalogQueries queries() { return storage.queries(); }
            @Override public StorageHealth health() { return storage.health(); }
            @Override public void close() { }
        };
    }
}
