package io.freecast.catalog.http.server;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The routes that need no storage — the landing page, the docs and their files, {@code /openapi.json},
 * {@code /metrics} — and {@code /health}, whose database check waits a second at most: the
 * {@link WorkerDispatchHandler} runs them on threads of their own, apart from the workers that may all be
 * waiting on the database.
 */
final class StorageFreeRoutes implements Predicate<String> {

    /** Enough for scrapers, load balancers and a person reading the docs at once; each answer is quick. */
    static final int THREADS = 4;

    private static final Set<String> PATHS = Set.of("/", "/metrics", "/openapi.json", "/docs", "/health");

    /** The raw request path (undecoded, as Undertow gives it): a trailing slash is optional, as in routing. */
    @Override
    public boolean test(String path) {
        String route = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return PATHS.contains(route) || (route.startsWith("/docs/") && route.indexOf('/', 6) < 0);
    }

    /** The threads these routes run on: daemons, so a server never stopped does not keep the JVM alive. */
    static ExecutorService threads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(THREADS, task -> Thread.ofPlatform().daemon()
                .name("catalog-http-storage-free-" + count.incrementAndGet()).unstarted(task));
    }
}
