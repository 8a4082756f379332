package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.port.out.RatingTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** update-ratings and validate-sources from the command line, on a real SQLite file and loopback servers. */
class CheckCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int ratingsStatus = 200;
    private StringWriter out;
    private StringWriter err;
    private String db;

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::answer);
        server.start();
        db = dir.resolve("catalog.db").toString();
        try (JdbcCatalogStore store = JdbcCatalogStore.open(db)) {
            store.ports().transactions().inTransaction(() -> store.ports().movies().upsertAll(List.of(
                    movie("1", "Copper Valley", base() + "/ok.m3u8"),
                    movie("2", "Unknown Film", base() + "/gone.mp4"))));
        }
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    @Test
    void updateRatingsWritesWhatTheApiKnowsAndPrintsTheReportAsJson() throws IOException {
        int exit = run("update-ratings", "--db", db, "--provider", "kinopoisk", "--ratings-url", base(),
                "--ratings-key", "k", "--rate-limit", "0", "--allow-private", "--json");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode report = JSON.readTree(out.toString());
        assertThat(report.get("task").asText()).isEqualTo("update-ratings");
        assertThat(report.get("status").asText()).isEqualTo("succeeded");
        assertThat(report.at("/counts/checked").asLong()).isEqualTo(2);
        assertThat(report.at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(report.at("/counts/not_found").asLong()).isEqualTo(1);
        assertThat(ratingOf("Copper Valley").kinopoisk()).isEqualTo(Rating.of(7.3));
        assertThat(ratingOf("Unknown Film")).isEqualTo(RatingTarget.RatingPair.UNKNOWN);
    }

    @Test
    void anUnreachableProviderFailsTheRunWithExitOneAndChangesNothing() {
        ratingsStatus = 503;

        int exit = run("update-ratings", "--db", db, "--provider", "kinopoisk", "--ratings-url", base(),
                "--ratings-key", "k", "--rate-limit", "0", "--allow-private");

        assertThat(exit).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("update-ratings failed").contains("HTTP 503");
        assertThat(ratingOf("Copper Valley")).isEqualTo(RatingTarget.RatingPair.UNKNOWN);
    }

    @Test
    void withoutAllowPrivateTheRatingsApiOnLoopbackIsNotContacted() {
        int exit = run("update-ratings", "--db", db, "--provider", "omdb", "--ratings-url", base(),
                "--ratings-key", "k");

        assertThat(exit).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("--allow-private");
        assertThat(requests).hasValue(0);
    }

    @Test
    void theRandomProviderIsAPlaceholderAndSaysSo() {
        int exit = run("update-ratings", "--db", db, "--provider", "random");

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("update-ratings succeeded").contains("placeholders");
    }

    @Test
    void validateSourcesChecksEveryLinkAndTurnsTheGoneOneOff() throws IOException {
        int exit = run("validate-sources", "--db", db, "--allow-private", "--timeout", "2s", "--json");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode report = JSON.readTree(out.toString());
        assertThat(report.at("/counts/checked").asLong()).isEqualTo(2);
        assertThat(report.at("/counts/active").asLong()).isEqualTo(1);
        assertThat(report.at("/counts/deactivated").asLong()).isEqualTo(1);
        try (JdbcCatalogStore store = JdbcCatalogStore.open(db)) {
            List<Source> sources = store.ports().sources().listAfter(0, 10);
            assertThat(sources).extracting(Source::active).containsExactly(true, false);
            assertThat(sources).extracting(s -> s.check().lastStatus()).containsExactly(200, 404);
        }
    }

    @Test
    void validateSourcesStopsAtItsTimeBudgetSaysWhatItDidNotReachAndTheNextRunChecksThoseFirst() throws IOException {
        int movies = 2500;   // two pages of 1,000 in flight at most, so a short budget leaves some unreached
        try (JdbcCatalogStore store = JdbcCatalogStore.open(db)) {
            store.ports().transactions().inTransaction(() -> store.ports().movies().upsertAll(
                    java.util.stream.IntStream.range(0, movies).mapToObj(i -> movie("slow" + i, "Slow " + i,
                            base() + "/slow/" + i + ".mp4")).toList()));
        }
        Instant beforeFirst = Instant.now();

        int exit = run("validate-sources", "--db", db, "--allow-private", "--per-host", "2", "--time-budget", "1s",
                "--json");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode first = JSON.readTree(out.toString());
        long checked = first.at("/counts/checked").asLong();
        long notReached = first.at("/counts/not_reached").asLong();
        assertThat(checked).isPositive().isLessThan(movies + 2);
        assertThat(checked + notReached).isEqualTo(movies + 2);
        assertThat(first.at("/notes").toString()).contains("stopped at the deadline").contains(notReached + " due sources not reached");
        List<Long> unreached = sourcesCheckedBefore(beforeFirst);
        assertThat(unreached).hasSize((int) notReached);

        Instant beforeSecond = Instant.now();
        assertThat(run("validate-sources", "--db", db, "--allow-private", "--per-host", "2", "--time-budget", "1s",
                "--json")).as(err.toString()).isEqualTo(ExitCode.OK);

        assertThat(sourcesCheckedBefore(beforeSecond)).as("the sources the first run left are checked first")
                .doesNotContainAnyElementsOf(unreached);
    }

    @Test
    void validateSourcesRejectsABudgetThatIsNotADuration() {
        assertThat(run("validate-sources", "--db", db, "--time-budget", "soon")).isEqualTo(ExitCode.USAGE);
        assertThat(run("validate-sources", "--db", db, "--time-budget", "0s")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--time-budget must be more than 0s");
        assertThat(run("validate-sources", "--db", db, "--time-budget", "9".repeat(5000) + "h")).isEqualTo(ExitCode.USAGE);
        assertThat(requests).hasValue(0);
    }

    /** The sources whose last check (if any) was before {@code time}: the never-checked ones included. */
    private List<Long> sourcesCheckedBefore(Instant time) {
        try (JdbcCatalogStore store = JdbcCatalogStore.open(db)) {
            return store.ports().sources().listAfter(0, 10_000).stream()
                    .filter(s -> s.check().lastCheckedAt() == null || s.check().lastCheckedAt().isBefore(time))
                    .map(Source::id).toList();
        }
    }

    @Test
    void validateSourcesWithoutAllowPrivateSendsNothingToLoopbackLinks() {
        int exit = run("validate-sources", "--db", db);

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("failed_blocked_target");
        assertThat(requests).hasValue(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        if (path.equals("/v1.4/movie/search")) {
            String body = query.contains("Copper")
                    ? "{\"docs\":[{\"id\":1,\"name\":\"Copper Valley\",\"type\":\"movie\",\"rating\":{\"kp\":7.3,\"imdb\":7.0}}]}"
                    : "{\"docs\":[]}";
            if (ratingsStatus != 200) {
                exchange.getResponseHeaders().add("Retry-After", "0"); // keeps the test quick
            }
            send(exchange, ratingsStatus, ratingsStatus == 200 ? body : "");
        } else if (path.equals("/ok.m3u8")) {
            send(exchange, 200, "");
        } else if (path.startsWith("/slow/")) {
            pause(); // one request at a time here: a page of 1,000 takes seconds, longer than the 1 s budget
            send(exchange, 200, "");
        } else {
            send(exchange, 404, "");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean empty = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
        if (!empty) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = CatalogCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private RatingTarget.RatingPair ratingOf(String title) {
        try (JdbcCatalogStore store = JdbcCatalogStore.open(db)) {
            return store.ports().ratings().listDue(Instant.now().plusSeconds(3600), null, 10).stream()
                    .filter(t -> t.title().equals(title)).findFirst().orElseThrow().current();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static MovieDraft movie(String id, String title, String url) {
        return new MovieDraft(new FeedKey("id:" + id), id, null, title, null, null, null, null, null, null,
                List.of(SourceDraft.of(url, "test")));
    }
}
