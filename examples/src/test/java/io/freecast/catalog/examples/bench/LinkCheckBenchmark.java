package io.freecast.catalog.examples.bench;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.CatalogStore;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.http.client.HttpLinkChecker;
import io.freecast.catalog.http.client.KinopoiskRatingProvider;
import io.freecast.catalog.http.client.LinkCheckSettings;
import io.freecast.catalog.http.client.OutboundHttp;
import io.freecast.catalog.http.client.OutboundHttpSettings;
import io.freecast.catalog.http.client.RatingApiSettings;
import io.freecast.catalog.port.in.UpdateRatingsUseCase.UpdateRatingsCommand;
import io.freecast.catalog.port.in.ValidateSourcesUseCase.ValidateSourcesCommand;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/links.sh}: validate-sources over N sources on a loopback server that answers each request
 * after 100 ms, spread over many loopback addresses, against the ideal {@code ceil(N / concurrency) × delay}
 * and the reference's sequential approach ({@code N × delay}); then update-ratings over N titles against a
 * loopback kinopoisk-style stub with the rate limit lifted.
 *
 * <p>Arguments (all optional): {@code sources=10000 concurrency=64 perHost=4 delayMs=100 hosts=250}.
 */
public final class LinkCheckBenchmark {

    public static void main(String[] args) throws Exception {
        int sources = intArg(args, "sources", 10_000);
        int concurrency = intArg(args, "concurrency", LinkCheckSettings.DEFAULT_CONCURRENCY);
        int perHost = intArg(args, "perHost", LinkCheckSettings.DEFAULT_PER_HOST_LIMIT);
        long delayMs = intArg(args, "delayMs", 100);
        int hosts = intArg(args, "hosts", 250);

        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= hosts; i++) {
            addresses.add("127.0.1." + i);
        }
        Path dir = Files.createTempDirectory("catalog-bench");
        try (DelayedLoopbackServer server = new DelayedLoopbackServer(addresses, delayMs, kinopoiskStub());
                CatalogStore storage = BenchStorage.open(dir.resolve("bench.db"))) {
            List<String> authorities = server.authorities();
            seed(storage, sources, authorities);
            System.out.printf(Locale.ROOT, "seeded %d movies with one source each over %d loopback addresses%n",
                    sources, authorities.size());

            validateSources(storage, sources, concurrency, perHost, delayMs);
            updateRatings(storage, sources, URI.create("http://" + authorities.get(0)));
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void validateSources(CatalogStore storage, int n, int concurrency, int perHost, long delayMs) {
        LinkCheckSettings settings = new LinkCheckSettings(concurrency, perHost, Duration.ofSeconds(10));
        OutboundHttpSettings outbound = OutboundHttpSettings.defaults().withAllowPrivateTargets(true);
        try (OutboundHttp http = new OutboundHttp(outbound);
                Catalog catalog = catalog(storage).linkChecker(new HttpLinkChecker(http, settings)).build()) {
            double ideal = Math.ceil((double) n / concurrency) * delayMs / 1000.0;
            double sequential = n * delayMs / 1000.0;
            for (int run = 1; run <= 2; run++) {
                long start = System.nanoTime();
                TaskReport report = catalog.validateSources(new ValidateSourcesCommand(3));
                double wall = (System.nanoTime() - start) / 1e9;
                require(report.succeeded() && report.count("checked") == n && report.count("active") == n,
                        "validate-sources did not find every link alive: " + report);
                System.out.printf(Locale.ROOT, "validate-sources run %d: %d sources, concurrency %d, per-host %d: "
                                + "%.2f s | ideal ceil(N/c)x%dms = %.2f s -> %.3fx ideal | sequential reference "
                                + "N x %dms = %.0f s -> %.1fx faster%n",
                        run, n, concurrency, perHost, wall, delayMs, ideal, wall / ideal, delayMs, sequential,
                        sequential / wall);
            }
        }
    }

    private static void updateRatings(CatalogStore storage, int n, URI stub) {
        RatingApiSettings settings = RatingApiSettings.of(stub, "bench-key").withRequestsPerSecond(0);
        try (OutboundHttp http = new OutboundHttp(OutboundHttpSettings.defaults().withAllowPrivateTargets(true));
                Catalog catalog = catalog(storage).ratingProvider(new KinopoiskRatingProvider(http, settings)).build()) {
            long start = System.nanoTime();
            TaskReport report = catalog.updateRatings(new UpdateRatingsCommand(Duration.ZERO));
            double wall = (System.nanoTime() - start) / 1e9;
            require(report.succeeded() && report.count("checked") == n && report.count("updated") == n,
                    "update-ratings did not rate every title: " + report);
            System.out.printf(Locale.ROOT, "update-ratings: %d titles against a loopback kinopoisk stub, no rate "
                    + "limit: %.2f s (%.0f titles/s, %.2f ms a title, written batch by batch, each its own transaction)%n",
                    n, wall, n / wall, wall * 1000 / n);
        }
    }

    /** A kinopoisk-style search that knows every title it is asked about, at once. */
    private static HttpHandler kinopoiskStub() {
        return exchange -> {
            String title = exchange.getQueryParameters().get("query").getFirst();
            String json = "{\"docs\":[{\"id\":1,\"name\":\"" + title.replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\",\"alternativeName\":null,\"year\":null,\"type\":\"movie\",\"rating\":{\"kp\":7.1,\"imdb\":6.9}}],"
                    + "\"total\":1,\"limit\":10,\"page\":1,\"pages\":1}";
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send(json);
        };
    }

    private static void seed(CatalogStore storage, int n, List<String> authorities) {
        List<MovieDraft> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String url = "http://" + authorities.get(i % authorities.size()) + "/stream/" + i + ".m3u8";
            batch.add(new MovieDraft(new FeedKey("id:bench-" + i), "bench-" + i, null, "Bench Movie " + i, null,
                    null, null, null, null, null, List.of(SourceDraft.of(url, "bench"))));
            if (batch.size() == 1000 || i == n - 1) {
                List<MovieDraft> drafts = List.copyOf(batch);
                storage.ports().transactions().inTransaction(() -> storage.ports().movies().upsertAll(drafts));
                batch.clear();
            }
        }
    }

    private static Catalog.Builder catalog(CatalogStore storage) {
        // The storage outlives each Catalog here (closing a Catalog closes its storage), so hand each one a
        // view that does not close it.
        return Catalog.builder().storage(BenchStorage.unclosable(storage));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1));
            }
        }
        return fallback;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
