package io.freecast.catalog.http.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.freecast.catalog.port.in.CatalogQueries;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Handlers;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.xnio.OptionMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog's JSON API on Undertow: every read path of the README's "The HTTP API" with the reference's
 * field names, paginated, cached, documented at {@code /openapi.json} and {@code /docs}, with
 * {@code /health} and {@code /metrics}. Its read routes read through {@link CatalogQueries} only; routes a
 * composition root adds ({@link CatalogHttpConfig#routes}) may act, and a subtree may be mounted beside
 * the API ({@link CatalogHttpConfig#mount}). Given the editing and authentication ports, it also serves the
 * write API on the same paths (bearer tokens, scopes, {@code If-Match}, JSON Merge Patch), accounts, tokens,
 * tombstones and the audit trail. The request path is described in the package documentation.
 *
 * <pre>{@code
 * CatalogHttpServer server = CatalogHttpServer.create(catalog.queries(), config -> config
 *         .port(8001)
 *         .healthCheck(catalog::health)
 *         .authentication(authentication)          // the write API: who a bearer token is
 *         .editing(catalog.editing()));
 * server.start();
 * …
 * server.stop();
 * }</pre>
 */
public final class CatalogHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogHttpServer.class);

    private final CatalogHttpConfig config;
    private final PrometheusMeterRegistry meterRegistry;
    private final GracefulShutdownHandler shutdownHandler;
    private final HttpListener listener;
    private final ExecutorService storageFreeThreads = StorageFreeRoutes.threads();
    private volatile boolean started;
    private volatile boolean stopped;

    private CatalogHttpServer(CatalogQueries queries, CatalogHttpConfig config) {
        this.config = config;
        this.meterRegistry = config.meterRegistryOrDefault();
        MetricsResource metrics = new MetricsResource(meterRegistry);
        Router router = new Router();
        ObjectMapper json = objectMapper();
        BearerAuthentication bearer = config.authentication() == null ? null
                : new BearerAuthentication(config.authentication());
        // Private reads are authenticated on a worker, so the IO thread must not answer them from the cache.
        ResponseCache cache = new ResponseCache(config.privateReads() ? Duration.ZERO : config.responseCacheTtl(),
                config.responseCacheClock());
        ApiRoutes reads = config.privateReads() ? new PrivateReads(router, bearer) : router;
        new ShowResources(queries).register(reads);
        new MovieResources(queries).register(reads);
        new EpisodeResources(queries).register(reads);
        new HealthResource(config.healthCheck()).register(router);
        metrics.register(router);
        new DocsResources().register(router);
        if (config.editing() != null) {
            CatalogWrites writes = new CatalogWrites(bearer, new Representations(json), cache, config.editing());
            new ItemWriteRoutes(config.editing(), writes).register(reads, router);
            new TrailRoutes(config.editing(), config.editing(), bearer).register(router);
            if (config.sourceChecks() != null) {
                new SourceCheckRoute(config.sourceChecks(), bearer, new Representations(json), cache).register(router);
            }
        }
        if (config.accounts() != null) {
            new AccessRoutes(config.accounts(), config.tokens(), bearer, Clock.systemUTC()).register(router);
        }
        for (Consumer<ApiRoutes> extra : config.extraRoutes()) {
            extra.accept(reads);
        }
        this.shutdownHandler = Handlers.gracefulShutdown(handlerChain(router, metrics, config, json, cache,
                storageFreeThreads));
        this.listener = new HttpListener(config.host(), config.port(), config.ioThreads(), config.workerThreads(),
                OptionMap.builder()
                        // The server decodes paths and queries itself, strictly (see RequestTarget).
                        .set(UndertowOptions.DECODE_URL, false)
                        // Room above the request-target cap, so an over-long target gets a 414 problem from
                        // us rather than a bare 400 from the parser.
                        .set(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
                        .set(UndertowOptions.MAX_HEADER_SIZE, 64 * 1024)
                        .set(UndertowOptions.MAX_PARAMETERS, 64 * 1024)
                        .set(UndertowOptions.MAX_ENTITY_SIZE, 64 * 1024L)
                        .set(UndertowOptions.RECORD_REQUEST_START_TIME, false)
                        // A client that dribbles its request (slowloris) or idles on a kept-alive connection
                        // does not hold a connection forever.
                        .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, 10_000)
                        .set(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                        .getMap(),
                RequestLineGuard.checkingEveryRequestLine(shutdownHandler));
    }

    /**
     * The request path, outermost first (see the package documentation for what each step does and how to
     * add to it). Built once; each handler wraps the next.
     */
    private static HttpHandler handlerChain(Router router, MetricsResource metrics, CatalogHttpConfig config,
                                            ObjectMapper json, ResponseCache cache, Executor storageFreeThreads) {
        String publicCaching = ResponseHeaders.publicCaching(config.cacheMaxAge());
        RepresentationHandler read = new ConditionalGetHandler(new GzipHandler());
        RepresentationHandler cacheable = cache.enabled() ? new ResponseCacheHandler.Store(cache, read) : read;
        ApiResponseHandler rendering = new ApiResponseHandler(json, publicCaching, cacheable, read);

        HttpHandler onWorker = new RequestMetricsHandler(metrics,
                new ProblemHandler(new ProblemWriter(json),
                        new RequestTargetHandler(config.maxRequestTargetLength(),
                                new ApiRoutingHandler(router, rendering, config.maxRequestBodySize()))));
        HttpHandler toWorker = new WorkerDispatchHandler(onWorker, new StorageFreeRoutes(), storageFreeThreads);
        HttpHandler api = new CorsHandler(cache.enabled()
                ? new ResponseCacheHandler(cache, publicCaching, metrics, new CacheRefresh(router, rendering, cache),
                        read, toWorker)
                : toWorker);
        HttpHandler chain = api;
        for (Map.Entry<String, HttpHandler> mount : config.mounts().entrySet()) {
            String prefix = mount.getKey();
            if (router.hasRoutesUnder(prefix.substring(1, prefix.length() - 1))) {
                throw new IllegalArgumentException("cannot mount " + prefix + ": API routes start with it");
            }
            chain = new SubtreeHandler(prefix, mount.getValue(), chain);
        }
        return chain;
    }

    /**
     * Builds a server (not yet listening) over the catalog's read side.
     *
     * @param configurer sets the port, host, health check, meter registry, extra routes…
     * @throws IllegalArgumentException for an invalid setting, saying which
     */
    public static CatalogHttpServer create(CatalogQueries queries, Consumer<CatalogHttpConfig> configurer) {
        Objects.requireNonNull(queries, "queries");
        CatalogHttpConfig config = new CatalogHttpConfig();
        Objects.requireNonNull(configurer, "configurer").accept(config);
        config.validate();
        return new CatalogHttpServer(queries, config);
    }

    /** Starts listening. */
    public synchronized CatalogHttpServer start() {
        if (stopped) {
            throw new IllegalStateException("a stopped server cannot start again; create a new one");
        }
        if (!started) {
            listener.start();
            started = true;
            LOG.info("catalog API listening on {}", baseUri());
        }
        return this;
    }

    /**
     * Stops accepting requests, lets those in flight finish (up to the configured shutdown timeout), then
     * closes the listener. Safe to call more than once.
     */
    public synchronized void stop() {
        if (!started || stopped) {
            stopped = true;
            storageFreeThreads.shutdown();
            return;
        }
        stopped = true;
        shutdownHandler.shutdown();
        try {
            if (!shutdownHandler.awaitShutdown(config.shutdownTimeout().toMillis())) {
                LOG.warn("requests still in flight after {}; stopping anyway", config.shutdownTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener.stop();
        storageFreeThreads.shutdown();
        LOG.info("catalog API stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** The port listened on (the real one when the configuration said 0). */
    public int port() {
        if (!started) {
            throw new IllegalStateException("the server has not been started");
        }
        return listener.port();
    }

    /** {@code http://host:port}, e.g. for tests and log lines. */
    public URI baseUri() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("http://" + host + ":" + port());
    }

    /** The registry behind {@code /metrics}: add gauges of your own to it. */
    public PrometheusMeterRegistry meterRegistry() {
        return meterRegistry;
    }

    static ObjectMapper objectMapper() {
        return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }
}
