package io.freecast.catalog.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.port.in.ValidateSourcesUseCase.ValidateSourcesCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate-sources end to end: the real link checker against loopback servers for every link behaviour,
 * the real use-case and a real catalog (SQLite and PostgreSQL), over several runs — threshold counting, immediate
 * deactivation, reactivation, flapping.
 */
abstract class ValidateSourcesRunsContract {

    /** A fresh database of the engine the subclass tests. */
    abstract TestDatabase newDatabase(Path dir);


    private static final Duration TIMEOUT = Duration.ofMillis(400);

    @TempDir
    Path dir;

    private final ProbeServer server = ProbeServer.start();
    private ServerSocket resetting;
    private TestDatabase database;
    private JdbcCatalogStore store;
    private OutboundHttp http;
    private final Map<String, String> urls = new LinkedHashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        database = newDatabase(dir);
        store = database.open();
        http = new OutboundHttp(OutboundHttpSettings.defaults().withTimeouts(TIMEOUT, TIMEOUT)
                .withAllowPrivateTargets(true));

        server.status("/ok", 200).status("/missing", 404).status("/removed", 410).status("/broken", 500)
                .route("/head-refused", exchange -> ProbeServer.respond(exchange,
                        exchange.getRequestMethod().equals("HEAD") ? 405 : 206))
                .route("/old", ProbeServer.redirect(301, "/ok"))
                .route("/loop-a", ProbeServer.redirect(302, "/loop-b")).route("/loop-b", ProbeServer.redirect(302, "/loop-a"))
                .route("/slow", exchange -> {
                    Thread.sleep(TIMEOUT.multipliedBy(3).toMillis());
                    ProbeServer.respond(exchange, 200);
                })
                .status("/flapping", 404);
        for (String path : List.of("/ok", "/missing", "/removed", "/broken", "/head-refused", "/old", "/loop-a",
                "/slow", "/flapping")) {
            urls.put(path, server.uri(path).toString());
        }
        // The resetting server first: a closed port picked before it could be handed to it, making two equal URLs.
        resetting = resettingServer();
        urls.put("reset", "http://127.0.0.1:" + resetting.getLocalPort() + "/film.mp4");
        urls.put("refused", "http://127.0.0.1:" + closedPort() + "/film.mp4");

        List<MovieDraft> movies = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> link : urls.entrySet()) {
            movies.add(new MovieDraft(new FeedKey("id:m" + i), "m" + i, null, "Movie " + link.getKey(), null, null,
                    null, null, null, null, List.of(SourceDraft.of(link.getValue(), "test"))));
            i++;
        }
        store.ports().transactions().inTransaction(() -> store.ports().movies().upsertAll(movies));
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
        if (resetting != null) {
            resetting.close();
        }
        if (http != null) {
            http.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void severalRunsCountFailuresToTheThresholdAndBringDeadLinksBack() {
        // Run 1: 404/410 (and the flapping link's 404) turn off at once; every passing failure counts one.
        TaskReport first = run();
        assertThat(first.succeeded()).isTrue();
        assertThat(first.counts()).containsEntry("checked", 11L).containsEntry("active", 8L)
                .containsEntry("inactive", 3L).containsEntry("deactivated", 3L).containsEntry("reactivated", 0L)
                .containsEntry("reachable", 3L).containsEntry("gone", 3L).containsEntry("failed", 5L)
                .containsEntry("failed_server_error", 1L).containsEntry("failed_redirect_loop", 1L)
                .containsEntry("failed_timeout", 1L).containsEntry("failed_connection", 2L);
        Map<String, Source> after1 = sources();
        assertThat(after1.get("/ok").active()).isTrue();
        assertThat(after1.get("/ok").check().lastStatus()).isEqualTo(200);
        assertThat(after1.get("/head-refused").check().lastStatus()).isEqualTo(206);
        assertThat(after1.get("/old").check().lastStatus()).isEqualTo(200);
        assertThat(after1.get("/missing").active()).isFalse();
        assertThat(after1.get("/missing").check().lastStatus()).isEqualTo(404);
        assertThat(after1.get("/removed").active()).isFalse();
        assertThat(after1.get("/flapping").active()).isFalse();
        for (String failing : List.of("/broken", "/loop-a", "/slow", "refused", "reset")) {
            assertThat(after1.get(failing).active()).as(failing).isTrue();
            assertThat(after1.get(failing).check().consecutiveFailures()).as(failing).isEqualTo(1);
            assertThat(after1.get(failing).check().lastError()).as(failing).isNotBlank();
        }
        assertThat(after1.get("/broken").check().lastStatus()).isEqualTo(500);
        assertThat(after1.get("/broken").check().lastError()).isEqualTo("server error: HTTP 500");
        assertThat(after1.get("/slow").check().lastError()).startsWith("timeout");
        assertThat(after1.get("/loop-a").check().lastError()).startsWith("redirect loop");
        assertThat(after1.values()).allSatisfy(s -> assertThat(s.check().lastCheckedAt()).isNotNull());

        // Run 2: the flapping link answers again and comes back; failures reach 2, still below 3.
        server.status("/flapping", 200);
        TaskReport second = run();
        assertThat(second.counts()).containsEntry("reactivated", 1L).containsEntry("deactivated", 0L)
                .containsEntry("active", 9L);
        Map<String, Source> after2 = sources();
        assertThat(after2.get("/flapping").active()).isTrue();
        assertThat(after2.get("/flapping").check().lastError()).isNull();
        assertThat(after2.get("/broken").check().consecutiveFailures()).isEqualTo(2);
        assertThat(after2.get("/broken").active()).isTrue();

        // Run 3: the third failure in a row turns the five failing links off.
        TaskReport third = run();
        assertThat(third.counts()).containsEntry("deactivated", 5L).containsEntry("active", 4L)
                .containsEntry("inactive", 7L);
        Map<String, Source> after3 = sources();
        for (String failing : List.of("/broken", "/loop-a", "/slow", "refused", "reset")) {
            assertThat(after3.get(failing).active()).as(failing).isFalse();
            assertThat(after3.get(failing).check().consecutiveFailures()).as(failing).isEqualTo(3);
        }

        // Run 4: the broken server is mended: its source is active again with the count reset.
        server.status("/broken", 200);
        TaskReport fourth = run();
        assertThat(fourth.counts()).containsEntry("reactivated", 1L).containsEntry("deactivated", 0L);
        Source mended = sources().get("/broken");
        assertThat(mended.active()).isTrue();
        assertThat(mended.check().consecutiveFailures()).isZero();
        assertThat(mended.check().lastStatus()).isEqualTo(200);
        assertThat(mended.check().lastError()).isNull();
        assertThat(sources().get("/slow").check().consecutiveFailures()).isEqualTo(4);
    }

    @Test
    void progressIsToldHowManySourcesWereChecked() {
        List<Long> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        Catalog catalog = Catalog.builder().storage(store)
                .linkChecker(new HttpLinkChecker(http, new LinkCheckSettings(8, 2, TIMEOUT))).build();

        catalog.validateSources(new ValidateSourcesCommand(3, told::add));

        assertThat(told).containsExactly(11L);
    }

    @Test
    void oneHiccupNeverHidesALink() {
        server.route("/hiccup", new ProbeServer.Route() {
            private int calls;

            @Override
            public void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
                ProbeServer.respond(exchange, ++calls == 2 ? 503 : 200);
            }
        });
        store.ports().transactions().inTransaction(() -> store.ports().movies().upsertAll(List.of(new MovieDraft(
                new FeedKey("id:hiccup"), "hiccup", null, "Hiccup", null, null, null, null, null, null,
                List.of(SourceDraft.of(server.uri("/hiccup").toString(), "test"))))));

        run();
        run();
        Source afterHiccup = sources().get("/hiccup");
        assertThat(afterHiccup.active()).isTrue();
        assertThat(afterHiccup.check().consecutiveFailures()).isEqualTo(1);
        run();
        assertThat(sources().get("/hiccup").check().consecutiveFailures()).isZero();
    }

    @Test
    void withoutAllowPrivateEveryLoopbackLinkIsBlockedAndNothingIsSent() {
        try (OutboundHttp guarded = new OutboundHttp(OutboundHttpSettings.defaults())) {
            Catalog catalog = Catalog.builder().storage(store)
                    .linkChecker(new HttpLinkChecker(guarded, new LinkCheckSettings(8, 2, TIMEOUT))).build();
            TaskReport report = catalog.validateSources(new ValidateSourcesCommand(3));

            assertThat(report.counts()).containsEntry("checked", 11L).containsEntry("failed_blocked_target", 11L)
                    .containsEntry("active", 11L);
        }
        assertThat(server.received()).isEmpty();
    }

    /** When the next {@link #run()} happens: each a little over a week after the last. */
    private java.time.Instant runAt = java.time.Instant.now();

    /**
     * One run, a little over a week after the previous one: past the longest back-off, so every source is due
     * again and each run sees every link (what these tests count), as runs far enough apart do.
     */
    private TaskReport run() {
        runAt = runAt.plus(java.time.Duration.ofDays(8));
        Catalog catalog = Catalog.builder().storage(store).clock(java.time.Clock.fixed(runAt, java.time.ZoneOffset.UTC))
                .linkChecker(new HttpLinkChecker(http, new LinkCheckSettings(8, 2, TIMEOUT))).build();
        TaskReport report = catalog.validateSources(new ValidateSourcesCommand(3));
        assertThat(report.succeeded()).as(report.error()).isTrue();
        return report;
    }

    /** Every source by the path (or name) of its link. */
    private Map<String, Source> sources() {
        Map<String, String> nameByUrl = urls.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        return store.ports().sources().listAfter(0, 1000).stream().collect(Collectors.toMap(
                s -> nameByUrl.getOrDefault(s.url(), URI.create(s.url()).getPath()), Function.identity()));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A raw server that reads the request and resets the connection (SO_LINGER 0). */
    private static ServerSocket resettingServer() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    client.getInputStream().read(new byte[1024]);
                    client.setSoLinger(true, 0);
                } catch (IOException e) {
                    return;
                }
            }
        });
        return socket;
    }
}
