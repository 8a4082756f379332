package io.freecast.catalog.examples.cli;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.http.server.CatalogHttpConfig;
import io.freecast.catalog.http.server.CatalogHttpServer;
import io.freecast.catalog.http.admin.CatalogAdmin;
import io.freecast.catalog.http.server.TaskResources;
import io.freecast.catalog.http.client.OutboundHttpSettings;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.scheduler.CatalogScheduler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.freecast.catalog.scheduler.Schedule;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code catalog serve}: the read API on {@code --host}:{@code --port} over the catalog in {@code --db},
 * plus the task scheduler unless {@code --no-scheduler}. Runs until SIGTERM or Ctrl-C, then stops
 * gracefully: the scheduler starts nothing more, no new requests are taken while those in flight finish,
 * task runs under way get {@code --stop-grace} to end by themselves, and a run still going after it is
 * stopped — an import's transaction rolled back — and recorded as {@code interrupted}; then the database
 * closes. Never both half-ways: a run either ends by itself within the grace or is stopped and rolled back.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the JSON API (and run the scheduled tasks, unless --no-scheduler).")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    static final String ADMIN_TOKEN_ENV = "CATALOG_ADMIN_TOKEN";
    private static final int MIN_TOKEN_LENGTH = 16;
    /**
     * How long a run asked to stop may take to roll back and record itself: after it the run is recorded
     * as interrupted anyway, and the database closes under it (its transaction then never commits).
     */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** Long enough for the scheduler's idle task loops to wake and end. */
    private static final Duration SCHEDULER_STOP = Duration.ofSeconds(1);

    @Mixin
    DatabaseOptions database;

    @Mixin
    OutboundOptions outbound;

    @Mixin
    SchedulerOptions scheduling;

    @Mixin
    ServeTaskOptions taskOptions;

    @Mixin
    FeedSizeOption feedSize;

    @Mixin
    RatingProviderOptions ratings;

    @Mixin
    LinkCheckOptions checks;

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:CATALOG_PORT:-8001}",
            description = "TCP port to listen on (0: any free port). Env: CATALOG_PORT. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "${env:CATALOG_HOST:-127.0.0.1}",
            description = "Address to listen on (0.0.0.0: every interface). Env: CATALOG_HOST. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--no-scheduler", description = "Serve the API only; run no scheduled tasks.")
    boolean noScheduler;

    @Option(names = "--stop-grace", paramLabel = "DURATION", defaultValue = "${env:CATALOG_STOP_GRACE:-30s}",
            description = "On SIGTERM or Ctrl-C, how long task runs under way may go on to end by themselves; a run "
                    + "still going after it is stopped (an import rolls back: nothing of it is kept) and recorded as "
                    + "interrupted. Env: CATALOG_STOP_GRACE. Default: ${DEFAULT-VALUE}")
    String stopGrace;

    @Option(names = "--private-reads", defaultValue = "${env:CATALOG_PRIVATE_READS:-false}",
            description = "Every catalog and task read needs a bearer token of at least the read scope (reads are "
                    + "public otherwise). Env: CATALOG_PRIVATE_READS. Default: ${DEFAULT-VALUE}")
    boolean privateReads;

    @Option(names = "--response-cache", paramLabel = "DURATION", defaultValue = "${env:CATALOG_RESPONSE_CACHE:-1s}",
            description = "Reuse a finished response for the same URL this long (e.g. 1s, 500ms; 0 turns it off). "
                    + "Env: CATALOG_RESPONSE_CACHE. Default: ${DEFAULT-VALUE}")
    String responseCache;

    @Option(names = "--request-threads", paramLabel = "N", defaultValue = "${env:CATALOG_REQUEST_THREADS:-auto}",
            description = "Threads that run API requests, 1 to " + CatalogHttpConfig.MOST_WORKER_THREADS
                    + ", or auto: about two per core over SQLite, " + CatalogHttpConfig.DEFAULT_WORKER_THREADS
                    + " over PostgreSQL (whose round trips leave threads waiting). Fewer suit a PostgreSQL server on the "
                    + "same few cores. Env: CATALOG_REQUEST_THREADS. Default: ${DEFAULT-VALUE}")
    String requestThreads;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", defaultValue = "${env:CATALOG_TRUSTED_PROXY}",
            description = "The address of a reverse proxy whose X-Forwarded-Proto and X-Forwarded-For the web admin "
                    + "believes (https cookies, client addresses for throttling); from any other address they are "
                    + "ignored. Env: CATALOG_TRUSTED_PROXY. Default: none")
    String trustedProxy;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "${env:CATALOG_ADMIN_IDLE_TIMEOUT:-30m}",
            description = "How long a web admin session lasts without a request (1m to 24h, e.g. 30m, 2h). "
                    + "Env: CATALOG_ADMIN_IDLE_TIMEOUT. Default: ${DEFAULT-VALUE}")
    String idleTimeout;

    @Override
    public Integer call() {
        Duration cacheTtl = parseDuration(responseCache);
        Duration grace = parseStopGrace(stopGrace);
        Duration adminIdleTimeout = idleTimeout(idleTimeout);
        OptionalInt threads = requestThreads(requestThreads);
        long maxFeedBytes = feedSize.bytes();
        if (port < 0 || port > 65_535) {
            throw new ConfigurationException("--port / CATALOG_PORT must be between 0 and 65535, got " + port);
        }
        if (!noScheduler) {
            scheduling.validate();
        }
        String bootstrapToken = bootstrapToken();
        // Runs while the database opens: the two are the bulk of a cold start, and independent.
        ServeWarmUp warmUp = ServeWarmUp.start();
        // Every adapter the scheduled tasks need, checked before the database opens.
        ServeTaskOptions.Adapters adapters = taskOptions.adapters(outbound, ratings, checks);
        CatalogAssembly assembly;
        try {
            assembly = CatalogAssembly.open(database,
                    OutboundHttpSettings.defaults().withAllowPrivateTargets(outbound.allowPrivate()), maxFeedBytes,
                    (builder, http) -> adapters.configure(builder, http).bootstrapToken(bootstrapToken));
        } catch (RuntimeException e) {
            adapters.close();
            throw e;
        }
        Catalog catalog = assembly.catalog();
        PrometheusMeterRegistry registry = warmUp.meterRegistry();
        JdbcCatalogStore store = assembly.store();
        int workers = chosenRequestThreads(threads, store.isSqlite(), Runtime.getRuntime().availableProcessors());
        registerPoolGauges(registry, store);
        CatalogHttpServer server;
        try {
            server = CatalogHttpServer.create(catalog.queries(), config -> {
                config.host(host).port(port).healthCheck(catalog::health).meterRegistry(registry)
                        .responseCacheTtl(cacheTtl);
                config.workerThreads(workers);
                configureExtras(config, catalog);
                mountAdmin(config, catalog, store, adminIdleTimeout);
            });
        } catch (RuntimeException e) {
            assembly.close();
            adapters.close();
            throw e instanceof IllegalArgumentException ? new ConfigurationException(e.getMessage(), e) : e;
        }
        try {
            server.start();
        } catch (RuntimeException e) {
            assembly.close();
            adapters.close();
            throw new ConfigurationException("cannot listen on " + host + ":" + port + " (" + CatalogCli.oneLine(e)
                    + "); choose another --port / CATALOG_PORT or --host / CATALOG_HOST", e);
        }
        // The scheduler starts once the API listens: /health answers at once, while the start-up imports run.
        CatalogScheduler scheduler = noScheduler ? null : startScheduler(catalog, adapters);
        System.out.println("catalog API on " + server.baseUri() + "  (docs: " + server.baseUri() + "/docs, "
                + store.description() + ", " + workers + " request threads" + (noScheduler ? ", scheduler off" : "")
                + ")");
        System.out.flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: no new requests, letting those in flight finish");
            long deadline = System.nanoTime() + grace.toNanos();
            if (scheduler != null) {
                // No new slot starts, and the idle task loops end at once; a scheduled run under way is
                // handled with the others below, against the same deadline.
                scheduler.stop(SCHEDULER_STOP.compareTo(grace) < 0 ? SCHEDULER_STOP : grace);
            }
            server.stop();
            endRunsUnderWay(catalog, grace, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            assembly.close();
            adapters.close();
            System.out.println("catalog API stopped");
            System.out.flush();
            stopped.countDown();
        }, "catalog-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    /**
     * Starts the task scheduler (README, "Scheduling and task status") with the {@code --schedule} / {@code CATALOG_SCHEDULE_*}
     * settings; it attaches itself to the catalog, so task status shows its schedule and next runs. A task
     * whose adapter is missing (update-ratings without a provider) stays off. It is stopped first on
     * shutdown; a scheduled run under way then gets the {@code --stop-grace} like any other run.
     */
    private CatalogScheduler startScheduler(Catalog catalog, ServeTaskOptions.Adapters adapters) {
        adapters.unavailable().forEach((task, reason) -> LOG.info("{} is not scheduled: {}", task, reason));
        CatalogScheduler scheduler = scheduling.scheduler(catalog, adapters.unavailable());
        scheduler.start();
        return scheduler;
    }

    /**
     * The write API, accounts, tokens, tombstones and the audit trail, and the task routes ({@code /tasks}…):
     * reading is open unless {@code --private-reads}; writing and starting a run need a bearer token of the
     * route's scope — an account's API token, or the bootstrap token from {@code CATALOG_ADMIN_TOKEN}
     * (environment only, so it never shows in the process list).
     */
    private void configureExtras(CatalogHttpConfig config, Catalog catalog) {
        if (System.getenv(ADMIN_TOKEN_ENV) == null || System.getenv(ADMIN_TOKEN_ENV).isBlank()) {
            LOG.info("no {}: writes and task triggers over HTTP need an API token (catalog tokens create)",
                    ADMIN_TOKEN_ENV);
        }
        // Every write, and every read with --private-reads, authenticates its bearer token through the catalog:
        // an account's API token or the bootstrap token.
        config.authentication(catalog.authentication())
                .editing(catalog.editing())
                .sourceChecks(catalog.sourceChecks())
                .accessAdministration(catalog.accounts(), catalog.apiTokens())
                .privateReads(privateReads);
        config.routes(new TaskResources(catalog.tasks(), catalog.authentication())::register);
    }

    /**
     * The web admin under {@code /admin/}: people sign in with an account ({@code users add}); editors edit,
     * admins also run tasks. Without any account nobody can sign in: there is no default one.
     */
    private void mountAdmin(CatalogHttpConfig config, Catalog catalog, JdbcCatalogStore store, Duration idleTimeout) {
        CatalogAdmin.Builder admin = CatalogAdmin.builder(catalog.queries(), store.overview(), catalog.tasks(),
                catalog.authentication()).editing(catalog.editing()).sourceChecks(catalog.sourceChecks())
                .accessAdministration(catalog.accounts(), catalog.apiTokens())
                .idleTimeout(idleTimeout);
        if (trustedProxy != null && !trustedProxy.isBlank()) {
            admin.trustProxy(trustedProxy.strip());
        }
        admin.build().mountOn(config);
    }

    /**
     * The bootstrap admin token from {@code CATALOG_ADMIN_TOKEN} (environment only, so it never shows in the
     * process list), or null when it is not set. A value too short to be a secret is refused before anything
     * starts: an operator who set one meant it to protect something.
     */
    static String bootstrapToken() {
        String token = System.getenv(ADMIN_TOKEN_ENV);
        if (token == null || token.isBlank()) {
            return null;
        }
        if (token.strip().length() < MIN_TOKEN_LENGTH) {
            throw new ConfigurationException(ADMIN_TOKEN_ENV + " is shorter than " + MIN_TOKEN_LENGTH
                    + " characters, too short to be a secret: set a long random value (e.g. openssl rand -hex 32)"
                    + " or unset it; nothing was started");
        }
        return token;
    }

    /**
     * Threads that run requests over an embedded SQLite database. Its reads run on this machine's own cores
     * and never wait on a network, so threads beyond about two per core only add context switches: with 16
     * (the HTTP default, right for a database server whose round trips leave threads waiting) on 2 cores,
     * uncached reads served 15% fewer single items per second and twice the p99 of 4 threads.
     */
    static int sqliteRequestThreads(int cores) {
        return Math.max(4, 2 * cores);
    }

    /**
     * {@code --request-threads}: {@code auto} (empty) or a whole number of threads, 1 to the HTTP server's
     * {@link CatalogHttpConfig#MOST_WORKER_THREADS}, in at most four ASCII digits ({@link Integer#parseInt} alone
     * would take other scripts' digits and a sign). The refusal names the flag and the rule, not the value, which
     * may be anything.
     */
    static OptionalInt requestThreads(String text) {
        String value = text.strip();
        if (value.equalsIgnoreCase("auto")) {
            return OptionalInt.empty();
        }
        if (value.matches("[0-9]{1,4}")) {
            int threads = Integer.parseInt(value);
            if (threads >= 1 && threads <= CatalogHttpConfig.MOST_WORKER_THREADS) {
                return OptionalInt.of(threads);
            }
        }
        throw new ConfigurationException("--request-threads / CATALOG_REQUEST_THREADS must be auto or a whole number "
                + "of threads from 1 to " + CatalogHttpConfig.MOST_WORKER_THREADS);
    }

    /**
     * How many threads run requests: the operator's number; else, over SQLite, {@link #sqliteRequestThreads};
     * else the HTTP server's default ({@link CatalogHttpConfig#DEFAULT_WORKER_THREADS}), for a database whose
     * round trips leave threads waiting. On a PostgreSQL server sharing the API's two cores, 6 threads served
     * 1–47% more random movies than 16 (six pairs, median +26%; 2026-12-06, README "Scale"), since every thread
     * beyond what the cores run at once only adds backends taking turns; over a network, threads wait on round
     * trips, and fewer would cap the throughput.
     */
    static int chosenRequestThreads(OptionalInt configured, boolean sqlite, int cores) {
        if (configured.isPresent()) {
            return configured.getAsInt();
        }
        return sqlite ? sqliteRequestThreads(cores) : CatalogHttpConfig.DEFAULT_WORKER_THREADS;
    }

    /** Connection-pool gauges next to the request metrics on /metrics. */
    private static void registerPoolGauges(MeterRegistry registry, JdbcCatalogStore store) {
        Gauge.builder("catalog.db.pool.active", store, s -> s.poolStats().active())
                .description("database connections in use").register(registry);
        Gauge.builder("catalog.db.pool.idle", store, s -> s.poolStats().idle())
                .description("database connections idle in the pool").register(registry);
        Gauge.builder("catalog.db.pool.waiting", store, s -> s.poolStats().waiting())
                .description("threads waiting for a database connection").register(registry);
        Gauge.builder("catalog.db.pool.max", store, s -> s.poolStats().max())
                .description("the pool's size limit").register(registry);
    }

    /**
     * {@code --idle-timeout}: the one duration grammar, then the admin's own range — checked before anything
     * opens, with the flag and variable named instead of the library's setting.
     */
    static Duration idleTimeout(String text) {
        return LauncherTerms.duration(text, CatalogAdmin.IDLE_TIMEOUT, "30m or 2h", CatalogAdmin::requireIdleTimeout);
    }

    static Duration parseDuration(String text) {
        try {
            return Schedule.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--response-cache / CATALOG_RESPONSE_CACHE: " + e.getMessage(), e);
        }
    }

    /**
     * Every run under way here — scheduled, started over HTTP or from the web admin — gets what is left of
     * the grace to end by itself; one still going after it is stopped (an import rolls its transaction back)
     * and recorded as interrupted, saying why, before the database closes.
     */
    static void endRunsUnderWay(Catalog catalog, Duration grace, Duration left) {
        try {
            if (catalog.tasks().awaitIdle(left)) {
                return;
            }
            String reason = "stopped by the server's shutdown: the run had not ended within the "
                    + describe(grace) + " grace (--stop-grace)";
            LOG.warn("a task run was still under way after the {} grace; stopping it (an import rolls back)",
                    describe(grace));
            if (!catalog.tasks().stopRuns(reason, STOP_WAIT)) {
                LOG.error("a task run did not stop within {} s of being asked; it is recorded as interrupted and "
                        + "the database closes under it", STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Duration parseStopGrace(String text) {
        try {
            return Schedule.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--stop-grace / CATALOG_STOP_GRACE: " + e.getMessage(), e);
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("failed to stop cleanly", e);
        }
    }
}
