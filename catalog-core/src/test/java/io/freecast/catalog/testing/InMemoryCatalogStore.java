package io.freecast.catalog.testing;

import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.StoragePorts;
import io.freecast.catalog.port.out.AuditTrail;
import io.freecast.catalog.port.out.StorageHealth;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole catalog kept in memory: every storage port, behaving as {@code JdbcCatalogStore} does on SQLite and
 * PostgreSQL (the same storage contract runs against all three). For tests of the core and of embedders:
 *
 * <pre>{@code
 * InMemoryCatalogStore store = InMemoryCatalogStore.create(clock);
 * Catalog catalog = Catalog.builder().storage(store).feedReader(feeds).build();
 * }</pre>
 *
 * <p>Transactions are copy-on-write and really roll back; one writes at a time, as on SQLite. The task-run log
 * and the leases never join a transaction, as in the database. Ids are never given twice. Thread-safe.
 */
public final class InMemoryCatalogStore implements CatalogStore {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryTaskRunLog taskRuns = new InMemoryTaskRunLog();
    private final InMemoryTaskLeases taskLeases = new InMemoryTaskLeases();
    private final InMemoryAuditTrail auditTrail;
    private final StoragePorts ports;
    private final AtomicBoolean closed = new AtomicBoolean();

    private InMemoryCatalogStore(Clock clock) {
        // One sequence per table, shared by the imports and the hand edits that both insert into it.
        Sequence showIds = new Sequence();
        Sequence seasonIds = new Sequence();
        Sequence episodeIds = new Sequence();
        Sequence movieIds = new Sequence();
        Sequence sourceIds = new Sequence();
        this.auditTrail = new InMemoryAuditTrail(transactions, new Sequence());
        InMemoryCatalogQueries queries = new InMemoryCatalogQueries(transactions);
        this.ports = StoragePorts.builder()
                .transactions(transactions)
                .shows(new InMemoryShowRepository(transactions, showIds, seasonIds, episodeIds, sourceIds, clock))
                .movies(new InMemoryMovieRepository(transactions, movieIds, sourceIds, clock))
                .ratings(new InMemoryRatingRepository(transactions))
                .sources(new InMemorySourceRepository(transactions))
                .taskRuns(taskRuns)
                .taskLeases(taskLeases)
                .queries(queries)
                .auditTrail(auditTrail)
                .handEdits(new InMemoryHandEdits(transactions, showIds, seasonIds, episodeIds, movieIds, sourceIds))
                .tombstones(new InMemoryTombstones(transactions, new Sequence()))
                .items(new InMemoryItemReader(transactions, queries))
                .accounts(new InMemoryAccountRepository(transactions, new Sequence()))
                .apiTokens(new InMemoryApiTokenRepository(transactions, new Sequence()))
                .build();
    }

    /** An empty store whose rows are stamped by the system clock. */
    public static InMemoryCatalogStore create() {
        return create(Clock.systemUTC());
    }

    /** An empty store whose created and updated times come from {@code clock}. */
    public static InMemoryCatalogStore create(Clock clock) {
        return new InMemoryCatalogStore(Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public StoragePorts ports() {
        return ports;
    }

    /** The audit trail; its entries commit and roll back with the transaction they were appended in. */
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    /** The run log, with the rejections it kept per run. */
    public InMemoryTaskRunLog taskRuns() {
        return taskRuns;
    }

    public InMemoryTaskLeases taskLeases() {
        return taskLeases;
    }

    /**
     * Everything the transactions cover, as one value: two calls give equal values exactly when no show,
     * season, episode, movie, source, rating stamp, audit entry, tombstone or added-by-hand mark differs — "nothing changed" in one assertion.
     */
    public Object contents() {
        return transactions.read(InMemoryTables::contents);
    }

    /**
     * Every value kept for accounts and tokens, password and token hashes included, as text: what the access
     * storage contract greps for secrets in clear.
     */
    public String accessRows() {
        return transactions.read(tables -> tables.access.raw());
    }

    /** How many transactions have committed (each write outside a transaction is one). */
    public long commits() {
        return transactions.commits();
    }

    @Override
    public StorageHealth health() {
        return closed.get() ? new StorageHealth(false, "in memory, closed") : new StorageHealth(true, "in memory");
    }

    @Override
    public void close() {
        closed.set(true);
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public String toString() {
        return "InMemoryCatalogStore";
    }
}
