package io.freecast.catalog.http.server;

import io.freecast.catalog.port.in.AccountAdministration;
import io.freecast.catalog.port.in.Authentication;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.CheckSourceUseCase;
import io.freecast.catalog.port.in.TokenAdministration;
import io.freecast.catalog.port.out.StorageHealth;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How a {@link CatalogHttpServer} listens and behaves. Filled in by the lambda given to
 * {@link CatalogHttpServer#create}; checked by {@link #validate()} before the server is built, so a bad
 * setting fails at once with a message saying what to set instead.
 *
 * <pre>{@code
 * CatalogHttpServer.create(catalog.queries(), config -> config
 *         .host("0.0.0.0").port(8001)
 *         .healthCheck(catalog::health)
 *         .meterRegistry(registry));
 * }</pre>
 */
public final class CatalogHttpConfig {

    /** The reference API's port. */
    public static final int DEFAULT_PORT = 8001;

    /** The largest request body read by default: far above any item's JSON, far below a memory problem. */
    public static final int DEFAULT_MAX_REQUEST_BODY_SIZE = 1024 * 1024;

    /** Threads that run handlers by default: for a database whose round trips leave them waiting. */
    public static final int DEFAULT_WORKER_THREADS = 16;

    /** The most threads that may run handlers. */
    public static final int MOST_WORKER_THREADS = 4096;

    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private int workerThreads = DEFAULT_WORKER_THREADS;
    private Duration cacheMaxAge = Duration.ofSeconds(60);
    private Duration shutdownTimeout = Duration.ofSeconds(10);
    private int maxRequestTargetLength = 8 * 1024;
    private int maxRequestBodySize = DEFAULT_MAX_REQUEST_BODY_SIZE;
    private boolean privateReads;
    private Authentication authentication;
    private CatalogEditing editing;
    private CheckSourceUseCase sourceChecks;
    private AccountAdministration accounts;
    private TokenAdministration tokens;
    private Duration responseCacheTtl = Duration.ZERO;
    private LongSupplier responseCacheClock = System::nanoTime;
    private Supplier<StorageHealth> healthCheck;
    private PrometheusMeterRegistry meterRegistry;
    private final List<Consumer<ApiRoutes>> extraRoutes = new ArrayList<>();
    private final Map<String, HttpHandler> mounts = new LinkedHashMap<>();

    CatalogHttpConfig() {
    }

    /** The address to listen on; {@code 127.0.0.1} by default, {@code 0.0.0.0} for every interface. */
    public CatalogHttpConfig host(String host) {
        this.host = host;
        return this;
    }

    /** The TCP port; {@code 0} picks a free one ({@link CatalogHttpServer#port()} tells which). */
    public CatalogHttpConfig port(int port) {
        this.port = port;
        return this;
    }

    /** Threads that accept connections and move bytes (never block); default: one per CPU, at least 2. */
    public CatalogHttpConfig ioThreads(int ioThreads) {
        this.ioThreads = ioThreads;
        return this;
    }

    /**
     * Threads that run handlers (and so database queries); default {@value #DEFAULT_WORKER_THREADS}. More than
     * the connection pool's size only makes requests wait for a connection instead of in the queue.
     */
    public CatalogHttpConfig workerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
        return this;
    }

    /** {@code Cache-Control: public, max-age=…} on catalog data; default 60 s, zero for {@code no-cache}. */
    public CatalogHttpConfig cacheMaxAge(Duration cacheMaxAge) {
        this.cacheMaxAge = cacheMaxAge;
        return this;
    }

    /** How long {@link CatalogHttpServer#stop()} waits for requests in flight; default 10 s. */
    public CatalogHttpConfig shutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
        return this;
    }

    /**
     * The longest request target (path and query string) served; longer ones get 414. Default 8 KiB,
     * more than any real catalog query needs (cursors and searches are a few hundred bytes).
     */
    public CatalogHttpConfig maxRequestTargetLength(int maxRequestTargetLength) {
        this.maxRequestTargetLength = maxRequestTargetLength;
        return this;
    }

    /**
     * The largest request body (a write's JSON) the server reads; a larger one is answered 413 and never kept.
     * Default 1 MiB.
     */
    public CatalogHttpConfig maxRequestBodySize(int maxRequestBodySize) {
        this.maxRequestBodySize = maxRequestBodySize;
        return this;
    }

    /**
     * Whether every catalog read needs a bearer token of at least the {@code read} scope (default
     * {@code false}: reads are public, as in the reference). With it on, the
     * response cache is not consulted before authentication, and responses say {@code Cache-Control: private}.
     */
    public CatalogHttpConfig privateReads(boolean privateReads) {
        this.privateReads = privateReads;
        return this;
    }

    /**
     * Who callers are: every write, and every read when {@link #privateReads} is on, authenticates its
     * {@code Authorization: Bearer} token here (e.g. {@code catalog.authentication()}). Without it the API
     * takes no writes.
     */
    public CatalogHttpConfig authentication(Authentication authentication) {
        this.authentication = authentication;
        return this;
    }

    /**
     * Turns on the catalog's write routes ({@code POST}, {@code PATCH}, {@code DELETE} on shows, movies,
     * seasons, episodes and sources; unlocking; tombstones; the audit trail), e.g. {@code catalog.editing()}.
     * Needs {@link #authentication}.
     */
    public CatalogHttpConfig editing(CatalogEditing editing) {
        this.editing = editing;
        return this;
    }

    /**
     * Turns on {@code POST /sources/{id}/check} (check one source's link now, edit scope), e.g. {@code
     * catalog.sourceChecks()}. Needs {@link #editing} and {@link #authentication}.
     */
    public CatalogHttpConfig sourceChecks(CheckSourceUseCase sourceChecks) {
        this.sourceChecks = sourceChecks;
        return this;
    }

    /** Turns on {@code /accounts} and {@code /tokens} for the admin scope. Needs {@link #authentication}. */
    public CatalogHttpConfig accessAdministration(AccountAdministration accounts, TokenAdministration tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
        return this;
    }

    /**
     * How long a finished catalog response is reused for the same request target (the micro-cache,
     * answered from the IO thread without touching the database). Default zero: off, every request
     * reads the database. A second or so absorbs bursts of identical requests; responses already say
     * {@code max-age} {@link #cacheMaxAge(Duration) cacheMaxAge}, so this must not exceed it. A response is
     * never served older than this: once it is past half of it, the next request that finds it has it
     * rebuilt once in the background, so a busy URL's clients never all wait for the database at once.
     */
    public CatalogHttpConfig responseCacheTtl(Duration responseCacheTtl) {
        this.responseCacheTtl = responseCacheTtl;
        return this;
    }

    /** The clock micro-cache entries age by: {@link System#nanoTime()}, turned by hand in tests. */
    CatalogHttpConfig responseCacheClock(LongSupplier nanoTime) {
        this.responseCacheClock = Objects.requireNonNull(nanoTime, "nanoTime");
        return this;
    }

    /** The database check {@code /health} runs (e.g. {@code catalog::health}); without one it checks liveness only. */
    public CatalogHttpConfig healthCheck(Supplier<StorageHealth> healthCheck) {
        this.healthCheck = healthCheck;
        return this;
    }

    /**
     * The registry {@code /metrics} scrapes and request metrics go to. Give one to add gauges of your own
     * (connection pool, scheduler); by default the server makes its own.
     */
    public CatalogHttpConfig meterRegistry(PrometheusMeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
        return this;
    }

    /**
     * Adds routes next to the catalog's (e.g. {@code /tasks}). May be called more than once; a route that
     * clashes with an existing one fails {@link CatalogHttpServer#create}.
     */
    public CatalogHttpConfig routes(Consumer<ApiRoutes> registration) {
        extraRoutes.add(Objects.requireNonNull(registration, "registration"));
        return this;
    }

    /**
     * Serves a path subtree with a handler of its own instead of the JSON API, e.g.
     * {@code mount("/admin/", adminHandler)} for a web UI. The handler gets every request whose path is
     * {@code /admin} or starts with {@code /admin/}, straight from the IO thread, and answers it entirely
     * itself: dispatch to a worker before blocking ({@code exchange.dispatch(…)}), errors, sessions,
     * headers. The API's CORS, response cache, problem+json and request metrics do not apply to it.
     *
     * @param prefix a single literal segment between slashes, e.g. {@code /admin/}; it must not be the first
     *               segment of an API route ({@link CatalogHttpServer#create} fails if it is)
     */
    public CatalogHttpConfig mount(String prefix, HttpHandler handler) {
        if (prefix == null || !prefix.matches("/[A-Za-z0-9._~-]+/")) {
            throw new IllegalArgumentException("a mount prefix is one path segment between slashes, such as "
                    + "/admin/, got " + prefix);
        }
        if (mounts.putIfAbsent(prefix, Objects.requireNonNull(handler, "handler")) != null) {
            throw new IllegalArgumentException(prefix + " is mounted already");
        }
        return this;
    }

    /**
     * Checks every setting.
     *
     * @throws IllegalArgumentException naming the setting and what it accepts
     */
    public void validate() {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required: an address such as 127.0.0.1 or 0.0.0.0");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535 (0 picks a free port), got " + port);
        }
        if (ioThreads < 1 || ioThreads > 1024) {
            throw new IllegalArgumentException("ioThreads must be between 1 and 1024, got " + ioThreads);
        }
        if (workerThreads < 1 || workerThreads > MOST_WORKER_THREADS) {
            throw new IllegalArgumentException("workerThreads must be between 1 and " + MOST_WORKER_THREADS + ", got "
                    + workerThreads);
        }
        if (cacheMaxAge == null || cacheMaxAge.isNegative()) {
            throw new IllegalArgumentException("cacheMaxAge must be zero or more, e.g. Duration.ofSeconds(60)");
        }
        if (shutdownTimeout == null || shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must be zero or more, e.g. Duration.ofSeconds(10)");
        }
        if (responseCacheTtl == null || responseCacheTtl.isNegative() || responseCacheTtl.compareTo(cacheMaxAge) > 0
                && !responseCacheTtl.isZero()) {
            throw new IllegalArgumentException("responseCacheTtl must be between zero (off) and cacheMaxAge ("
                    + cacheMaxAge.toSeconds() + " s), got " + responseCacheTtl);
        }
        if (authentication == null && (privateReads || editing != null || accounts != null || tokens != null)) {
            throw new IllegalArgumentException("privateReads, editing and accessAdministration need authentication "
                    + "(who a bearer token belongs to), e.g. config.authentication(catalog.authentication())");
        }
        if (sourceChecks != null && editing == null) {
            throw new IllegalArgumentException("sourceChecks needs editing (the write API it belongs to), "
                    + "e.g. config.editing(catalog.editing())");
        }
        if ((accounts == null) != (tokens == null)) {
            throw new IllegalArgumentException("accessAdministration needs both the account and the token administration");
        }
        if (maxRequestBodySize < 1024 || maxRequestBodySize > 64 * 1024 * 1024) {
            throw new IllegalArgumentException(
                    "maxRequestBodySize must be between 1024 and 67108864 bytes, got " + maxRequestBodySize);
        }
        if (maxRequestTargetLength < 256 || maxRequestTargetLength > 60 * 1024) {
            throw new IllegalArgumentException(
                    "maxRequestTargetLength must be between 256 and 61440 bytes, got " + maxRequestTargetLength);
        }
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    int ioThreads() {
        return ioThreads;
    }

    int workerThreads() {
        return workerThreads;
    }

    Duration cacheMaxAge() {
        return cacheMaxAge;
    }

    Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    Duration responseCacheTtl() {
        return responseCacheTtl;
    }

    LongSupplier responseCacheClock() {
        return responseCacheClock;
    }

    int maxRequestTargetLength() {
        return maxRequestTargetLength;
    }

    int maxRequestBodySize() {
        return maxRequestBodySize;
    }

    boolean privateReads() {
        return privateReads;
    }

    Authentication authentication() {
        return authentication;
    }

    CatalogEditing editing() {
        return editing;
    }

    CheckSourceUseCase sourceChecks() {
        return sourceChecks;
    }

    AccountAdministration accounts() {
        return accounts;
    }

    TokenAdministration tokens() {
        return tokens;
    }

    Supplier<StorageHealth> healthCheck() {
        return healthCheck;
    }

    PrometheusMeterRegistry meterRegistryOrDefault() {
        return meterRegistry != null ? meterRegistry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    List<Consumer<ApiRoutes>> extraRoutes() {
        return List.copyOf(extraRoutes);
    }

    Map<String, HttpHandler> mounts() {
        return Map.copyOf(mounts);
    }
}
