package io.freecast.catalog.examples.outage;

import io.freecast.catalog.examples.testing.LauncherProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code catalog serve} in a child JVM (its own logging, as an operator runs it) and a bounded load of
 * loopback clients against it, every answer recorded with when it was asked and how long it took.
 */
final class ServeUnderLoad implements AutoCloseable {

    /** The bootstrap token the server is started with, for the writes. */
    static final String TOKEN = "outage-test-token-0123456789abcdef";
    private static final Pattern LISTENING = Pattern.compile("catalog API on (http://127\\.0\\.0\\.1:\\d+)");

    /** One request and its answer; {@code status} 0 when none came (a timeout, a closed connection). */
    record Sample(String method, String path, long askedNanos, long answeredNanos, int status, String contentType,
                  String retryAfter, String body) {

        Duration took() {
            return Duration.ofNanos(answeredNanos - askedNanos);
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + status + " in " + took().toMillis() + " ms"
                    + (retryAfter.isEmpty() ? "" : " (Retry-After " + retryAfter + ")");
        }
    }

    private final LauncherProcess process;
    final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean loading = new AtomicBoolean();
    private ExecutorService clients;

    private ServeUnderLoad(LauncherProcess process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts {@code serve} on {@code db} (response cache off, so every read asks the database), with more options. */
    static ServeUnderLoad start(Path dir, String db, String... moreOptions) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("serve", "--db", db, "--port", "0", "--no-scheduler",
                "--response-cache", "0"));
        command.addAll(List.of(moreOptions));
        LauncherProcess process = LauncherProcess.start(dir, Map.of("CATALOG_ADMIN_TOKEN", TOKEN),
                command.toArray(String[]::new));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() - deadline < 0) {
            Matcher where = LISTENING.matcher(process.out());
            if (where.find()) {
                return new ServeUnderLoad(process, URI.create(where.group(1)));
            }
            if (!process.process().isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        process.process().destroyForcibly();
        throw new AssertionError("serve did not start: " + process.out() + process.err());
    }

    /** Asks for each path a few times, one at a time: the server's first answers of each kind are slow. */
    void warmUp(List<String> paths) {
        for (int round = 0; round < 5; round++) {
            for (String path : paths) {
                send("GET", path, null);
            }
        }
        samples.clear();
    }

    /** {@code threads} clients, each asking for {@code paths} in turn until {@link #stopLoad()}. */
    void startLoad(int threads, List<String> paths) {
        loading.set(true);
        clients = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            int first = i;
            clients.submit(() -> {
                for (int n = first; loading.get(); n++) {
                    get(paths.get(n % paths.size()));
                }
            });
        }
    }

    void stopLoad() throws InterruptedException {
        loading.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the load's clients did not finish");
        }
    }

    Sample get(String path) {
        return send("GET", path, null);
    }

    /** A request with the bootstrap token and a JSON body. */
    Sample postJson(String path, String json) {
        return send("POST", path, json);
    }

    /** A form posted as a browser would (no token), e.g. the admin's sign-in. */
    Sample postForm(String path, String form) {
        return send("POST", path, null, form);
    }

    private Sample send(String method, String path, String json) {
        return send(method, path, json, null);
    }

    private Sample send(String method, String path, String json, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        } else if (json != null) {
            request.header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long asked = System.nanoTime();
        Sample sample;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            sample = new Sample(method, path, asked, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(""),
                    body.length() > 2_000 ? body.substring(0, 2_000) : body);
        } catch (IOException e) {
            sample = new Sample(method, path, asked, System.nanoTime(), 0, "", "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sample = new Sample(method, path, asked, System.nanoTime(), 0, "", "", e.toString());
        }
        samples.add(sample);
        return sample;
    }

    /** Asks {@code path} every 100 ms until the answer satisfies {@code wanted}; the first such answer, or null. */
    Sample await(String path, Predicate<Sample> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Sample sample = get(path);
            if (wanted.test(sample)) {
                return sample;
            }
            Thread.sleep(100);
        }
        return null;
    }

    /** Every answer recorded so far whose request matches {@code which}. */
    List<Sample> samples(Predicate<Sample> which) {
        List<Sample> matching = new ArrayList<>();
        for (Sample sample : samples) {
            if (which.test(sample)) {
                matching.add(sample);
            }
        }
        return matching;
    }

    /** What the server logged (stderr) and printed (stdout) so far. */
    String log() throws IOException {
        return process.err() + process.out();
    }

    /** SIGTERM, then its exit. */
    @Override
    public void close() throws Exception {
        if (clients != null && loading.get()) {
            stopLoad();
        }
        process.process().destroy();
        if (!process.process().waitFor(60, TimeUnit.SECONDS)) {
            process.process().destroyForcibly();
        }
    }
}
