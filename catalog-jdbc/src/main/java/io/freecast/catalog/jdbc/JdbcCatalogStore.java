package io.freecast.catalog.jdbc;

import io.freecast.catalog.jdbc.internal.ConnectionPool;
import io.freecast.catalog.jdbc.internal.DatabaseKind;
import io.freecast.catalog.jdbc.internal.DatabaseUrl;
import io.freecast.catalog.jdbc.internal.JooqStorage;
import io.freecast.catalog.jdbc.internal.SchemaMigrations;
import io.freecast.catalog.jdbc.internal.StatementListener;
import io.freecast.catalog.jdbc.internal.StoreConfig;
import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.StoragePorts;
import io.freecast.catalog.port.in.CatalogOverview;
import io.freecast.catalog.port.out.StorageHealth;
import io.freecast.catalog.port.out.StorageUnavailableException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * The catalog kept in a relational database: SQLite (a file, the embedded default) or PostgreSQL.
 *
 * <pre>{@code
 * try (JdbcCatalogStore store = JdbcCatalogStore.open("catalog.db")) {            // SQLite file
 *     Catalog catalog = Catalog.builder().storage(store).build();
 * }
 * JdbcCatalogStore pg = JdbcCatalogStore.builder("jdbc:postgresql://db:5432/catalog?user=catalog")
 *         .poolSize(20)
 *         .open();
 * }</pre>
 *
 * <p>Opening checks the setting, connects, and brings the schema up to date (unless
 * {@link Builder#migrateOnOpen(boolean) told not to}). Whatever goes wrong on the way is a
 * {@link CatalogStorageException} with a one-line message naming the setting to fix. Thread-safe: one
 * store serves a whole application; close it once at the end.
 */
public final class JdbcCatalogStore implements CatalogStore {

    /**
     * PostgreSQL: how long one round trip waits for the server's answer by default — far beyond any statement
     * of a request on a healthy server, short enough that a silent one is known to be away within seconds, and
     * shorter than a request waits for a busy pool (the connection timeout, 10 s): requests queued behind the
     * connections held by a silent server are refused as it being away, not as a busy pool.
     */
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(5);

    /**
     * SQLite: how long a write someone is waiting on waits for another write (an import) before it is refused
     * ({@link Builder#interactiveWriteWait}): a little longer than PostgreSQL lets a statement wait for a lock.
     */
    public static final Duration DEFAULT_INTERACTIVE_WRITE_WAIT = Duration.ofSeconds(5);

    /** How messages name the {@link Builder#answerTimeout} setting (a launcher may name its own flag instead). */
    public static final String ANSWER_TIMEOUT = "JdbcCatalogStore.answerTimeout";

    /**
     * An answer timeout as {@link Builder#answerTimeout} accepts it: {@link Duration#ZERO} (no bound), or from 1 s
     * to 24 days (the driver counts whole seconds, and a healthy server's round trip must fit).
     *
     * @throws IllegalArgumentException naming {@link #ANSWER_TIMEOUT} and the range
     */
    public static Duration requireAnswerTimeout(Duration answerTimeout) {
        if (answerTimeout == null || !answerTimeout.isZero() && (answerTimeout.compareTo(Duration.ofSeconds(1)) < 0
                || answerTimeout.toSeconds() > Integer.MAX_VALUE / 1000)) {
            throw new IllegalArgumentException(ANSWER_TIMEOUT + " must be 0 (no bound) or between 1s and 24d (e.g. 5s),"
                    + " got " + (answerTimeout == null ? "nothing"
                    : answerTimeout.toString().substring(2).toLowerCase(java.util.Locale.ROOT)));
        }
        return answerTimeout;
    }

    /** How long a health check waits for a busy pool. */
    private static final Duration HEALTH_WAIT = Duration.ofSeconds(1);

    private final ConnectionPool pool;
    private final SchemaMigrations migrations;
    private final JooqStorage storage;
    /**
     * The storage's ports and overview: every database failure named, and guarded by the pool's circuit (an
     * unreachable database is refused at once) — both by one proxy per port (ConnectionPool.guard).
     */
    private final StoragePorts ports;
    private final CatalogOverview overview;
    /** Read once at open and after each migrate(): health checks must stay cheap. */
    private volatile String schemaVersion;
    private volatile boolean needsMigrating;

    private JdbcCatalogStore(ConnectionPool pool, SchemaMigrations migrations, JooqStorage storage,
                             SchemaMigrations.State state) {
        this.pool = pool;
        this.migrations = migrations;
        this.storage = storage;
        // The circuit outermost: a database that cannot be used now is the core's StorageUnavailableException
        // (a 503 over HTTP), with the named failure (CatalogStorageException) as its cause.
        this.ports = pool.guard(storage.ports());
        this.overview = pool.guard(CatalogOverview.class, storage.overview());
        remember(state);
    }

    private void remember(SchemaMigrations.State state) {
        this.schemaVersion = state.currentVersion();
        this.needsMigrating = state.needsMigrating();
    }

    /**
     * Opens a store with the default settings.
     *
     * @param dbPathOrJdbcUrl a SQLite file path ({@code catalog.db}), or a {@code jdbc:sqlite:…} or
     *                        {@code jdbc:postgresql:…} URL
     * @throws CatalogStorageException when the database cannot be used; the message says why
     */
    public static JdbcCatalogStore open(String dbPathOrJdbcUrl) {
        return builder(dbPathOrJdbcUrl).open();
    }

    /** Starts configuring a store for a SQLite file path or a JDBC URL (see {@link #open(String)}). */
    public static Builder builder(String dbPathOrJdbcUrl) {
        return new Builder(dbPathOrJdbcUrl);
    }

    /** Applies pending migrations (opening does so already unless told not to); refuses a newer schema. */
    public MigrationResult migrate() {
        try {
            MigrationResult result = migrations.migrate();
            remember(SchemaMigrations.State.migrated(result));
            return result;
        } catch (RuntimeException e) {
            try {
                remember(migrations.state());
            } catch (RuntimeException unreadable) {
                // The migration's own failure is the one to report.
                e.addSuppressed(unreadable);
            }
            throw e;
        }
    }

    /** The connection pool now, for metrics. */
    public PoolStats poolStats() {
        return pool.stats();
    }

    /** Which database this is and where, without credentials: {@code SQLite /srv/catalog.db}. */
    public String description() {
        return pool.url().display();
    }

    /** True for SQLite, false for PostgreSQL. */
    public boolean isSqlite() {
        return pool.url().kind() == DatabaseKind.SQLITE;
    }

    /** Every port on this store's one connection pool; the same instances on every call. */
    @Override
    public StoragePorts ports() {
        return ports;
    }

    /** The operator's read side: counts, filtered title lists, dead links, a run's report (the web admin's). */
    public CatalogOverview overview() {
        return overview;
    }

    /**
     * Whether the database answers, within about a second: while it is known to be away (the circuit is
     * open) at once, with the cause and how long it has been away; otherwise one round trip. A pool busy for
     * the whole second is reported up, as busy: the database answered its last use, and taking a loaded
     * node out of service would only load the others.
     */
    @Override
    public StorageHealth health() {
        Optional<String> outage = pool.outage();
        if (outage.isPresent()) {
            return new StorageHealth(false, description() + ": " + outage.get());
        }
        try {
            pool.ping(HEALTH_WAIT);
            String version = schemaVersion;
            String schema = ", schema " + (version == null ? "empty" : version);
            if (needsMigrating) {
                return new StorageHealth(false, description() + schema + ", needs migrating");
            }
            return new StorageHealth(true, description() + schema);
        } catch (StorageUnavailableException e) {
            return new StorageHealth(false, description() + ": " + pool.outage().orElse(e.getMessage()));
        } catch (CatalogStorageException e) {
            if (e.getCause() instanceof SQLTransientConnectionException && e.getCause().getCause() == null) {
                return new StorageHealth(true, description() + ", busy: no connection free within "
                        + HEALTH_WAIT.toMillis() + " ms");
            }
            return new StorageHealth(false, description() + ": " + oneLine(e));
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return new StorageHealth(false, description() + ": " + message);
        }
    }

    private static String oneLine(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "JdbcCatalogStore[" + description() + "]";
    }

    /** How a store is opened. Every setting has a sensible default. */
    public static final class Builder {

        private final String dbPathOrJdbcUrl;
        private Integer poolSize;
        private boolean migrateOnOpen = true;
        private Duration connectionTimeout = Duration.ofSeconds(10);
        private Duration busyTimeout = Duration.ofSeconds(60);
        private Duration interactiveWriteWait = DEFAULT_INTERACTIVE_WRITE_WAIT;
        private Duration answerTimeout = DEFAULT_ANSWER_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private Consumer<String> statementListener;

        private Builder(String dbPathOrJdbcUrl) {
            this.dbPathOrJdbcUrl = dbPathOrJdbcUrl;
        }

        /** The most connections to hold (default 8 for SQLite, 10 for PostgreSQL). */
        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        /**
         * Whether opening applies pending migrations (default true). When false, the schema is left as it
         * is until {@link JdbcCatalogStore#migrate()} is called (what a {@code migrate} command does to
         * report before and after); {@link JdbcCatalogStore#health()} is down while migrations are pending.
         * A newer schema than this code knows is refused either way.
         */
        public Builder migrateOnOpen(boolean migrateOnOpen) {
            this.migrateOnOpen = migrateOnOpen;
            return this;
        }

        /**
         * How long to wait for a connection, from the pool or the server (default 10 s, at least 250 ms), while
         * the database answers. Once it is known to be away, every use is refused at once with a
         * {@link io.freecast.catalog.port.out.StorageUnavailableException} until it answers again (README,
         * "When the database goes away").
         */
        public Builder connectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = Objects.requireNonNull(connectionTimeout, "connectionTimeout");
            return this;
        }

        /**
         * SQLite only: how long a write waits for another process's write to the same file (default 60 s).
         * Writers of this process queue in order and are not bound by it.
         */
        public Builder busyTimeout(Duration busyTimeout) {
            this.busyTimeout = Objects.requireNonNull(busyTimeout, "busyTimeout");
            return this;
        }

        /**
         * SQLite only: how long a write someone waits on as it happens (an edit, a sign-in: the core's
         * {@code inInteractiveTransaction}) waits for another write to end — of this process, or another
         * program's on the same file (instead of the {@link #busyTimeout}) — before it is refused as unavailable,
         * with nothing written (default {@link JdbcCatalogStore#DEFAULT_INTERACTIVE_WRITE_WAIT};
         * 0 to 10 minutes). An import holds SQLite's one writer until it commits — minutes at a million titles —
         * and tasks' writes still queue behind it; PostgreSQL's writers lock rows, and a wait for one ends at the
         * server's lock limit (three fifths of the {@link #answerTimeout}).
         */
        public Builder interactiveWriteWait(Duration interactiveWriteWait) {
            Objects.requireNonNull(interactiveWriteWait, "interactiveWriteWait");
            if (interactiveWriteWait.isNegative() || interactiveWriteWait.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("interactiveWriteWait must be between 0 and 10 minutes, got "
                        + interactiveWriteWait);
            }
            this.interactiveWriteWait = interactiveWriteWait;
            return this;
        }

        /**
         * PostgreSQL only: how long one round trip waits for the server's answer (default
         * {@link JdbcCatalogStore#DEFAULT_ANSWER_TIMEOUT}; {@link Duration#ZERO} for no bound; else at least 1 s, in whole seconds).
         * A server that stops answering without closing its connections (frozen, or cut off by the network) is
         * then known to be away once it has been silent this long — its connections are given up, and every use
         * is refused at once until it answers again — instead of holding every connection for as long as the
         * operating system keeps them. Imports, the statistics refreshed after them and the operator's counts of
         * whole tables may wait 10 minutes (or this, if longer); schema migrations are never bounded. A
         * {@code socketTimeout=N} in the URL (whole seconds) is taken instead of this setting.
         */
        public Builder answerTimeout(Duration answerTimeout) {
            this.answerTimeout = Objects.requireNonNull(answerTimeout, "answerTimeout");
            return this;
        }

        /** The clock that stamps created and updated times (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Called with the SQL of every statement the store runs (batches once): for logging and tests. */
        public Builder onStatement(Consumer<String> listener) {
            this.statementListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Connects, checks or migrates the schema, and returns the store.
         *
         * @throws CatalogStorageException when the database cannot be used; the message says why
         */
        public JdbcCatalogStore open() {
            DatabaseUrl url = DatabaseUrl.parse(dbPathOrJdbcUrl);
            int size = poolSize != null ? poolSize : url.kind().defaultPoolSize();
            StoreConfig config = new StoreConfig(url, size, migrateOnOpen, connectionTimeout, busyTimeout, answerTimeout,
                    clock);
            ConnectionPool pool = ConnectionPool.create(config);
            // Building the jOOQ side and setting Flyway up touch no database but load and initialise many
            // classes (the bulk of a cold start): both run on threads of their own while the pool makes its
            // first connection (for SQLite, loading the native library).
            FutureTask<JooqStorage> storage = startInBackground("catalog-store-open", () -> statementListener == null
                    ? new JooqStorage(pool, clock, interactiveWriteWait)
                    : new JooqStorage(pool, clock, interactiveWriteWait, new StatementListener(statementListener)));
            FutureTask<SchemaMigrations> migrationsSetUp = startInBackground("catalog-migrations-set-up",
                    () -> new SchemaMigrations(pool.migrationDataSource(), url));
            try {
                pool.connect();
                SchemaMigrations migrations = join(migrationsSetUp);
                SchemaMigrations.State state = config.migrateOnOpen()
                        ? SchemaMigrations.State.migrated(migrations.migrate())
                        : migrations.refuseNewerSchema();
                return new JdbcCatalogStore(pool, migrations, join(storage), state);
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        }

        private static <T> FutureTask<T> startInBackground(String name, Callable<T> work) {
            FutureTask<T> task = new FutureTask<>(work);
            Thread.ofPlatform().daemon().name(name).start(task);
            return task;
        }

        private static <T> T join(FutureTask<T> task) {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CatalogStorageException("interrupted while opening the store", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
