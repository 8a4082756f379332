package io.freecast.catalog.http.client;

import static io.freecast.catalog.http.client.FeedReading.accepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.port.out.FeedItem;
import io.freecast.catalog.port.out.FeedUnreadableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feeds over real HTTP from a server on 127.0.0.1, with private targets allowed unless a test says not. */
class JsonFeedReaderHttpIT {

    private static final String FEED = "[{\"id\": 1, \"name\": \"One\"}, {\"id\": 2, \"name\": \"Two\"}]";

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private OutboundHttp http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        http = new OutboundHttp(OutboundHttpSettings.defaults().withAllowPrivateTargets(true));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        http.close();
    }

    @Test
    void readsAGzippedFeedAndAsksForGzip() {
        List<String> acceptEncoding = new ArrayList<>();
        serve("/movies.json", exchange -> {
            acceptEncoding.add(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(exchange, 200, gzip(FEED));
        });

        assertThat(readMovies(url("/movies.json"))).extracting(i -> accepted(i).draft().title()).containsExactly("One", "Two");
        assertThat(acceptEncoding).containsExactly("gzip");
    }

    @Test
    void followsRedirectsToTheFeed() {
        serve("/old", exchange -> {
            exchange.getResponseHeaders().set("Location", "/new");
            respond(exchange, 302, new byte[0]);
        });
        serve("/new", exchange -> respond(exchange, 200, FEED.getBytes(StandardCharsets.UTF_8)));

        assertThat(readMovies(url("/old"))).hasSize(2);
    }

    @Test
    void refusesAnHttpErrorWithItsStatus() {
        serve("/feed", exchange -> respond(exchange, 500, "{\"error\": \"boom\"}".getBytes(StandardCharsets.UTF_8)));
        assertUnreadable(url("/feed"), "feed " + url("/feed") + ": the feed server answered HTTP 500 instead of the feed");

        serve("/gone", exchange -> respond(exchange, 404, new byte[0]));
        assertUnreadable(url("/gone"), "feed " + url("/gone") + ": the feed server answered HTTP 404 instead of the feed");
    }

    @Test
    void refusesAnHtmlPageEvenWithStatus200() {
        serve("/html", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            respond(exchange, 200, "<html><body>Sign in</body></html>".getBytes(StandardCharsets.UTF_8));
        });
        assertUnreadable(url("/html"), "feed " + url("/html")
                + ": the feed server answered an HTML page (text/html; charset=utf-8, HTTP 200), not JSON");

        serve("/lying", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            respond(exchange, 200, "\n  <!doctype html><p>Maintenance</p>".getBytes(StandardCharsets.UTF_8));
        });
        assertUnreadable(url("/lying"), "feed " + url("/lying") + ": the feed is an HTML or XML page, not JSON");
    }

    @Test
    void refusesATooLargeFeedByContentLengthBeforeReadingAndByCountingWithout() {
        byte[] big = ("[" + "{\"name\": \"A\"},".repeat(20_000) + "{\"name\": \"A\"}]").getBytes(StandardCharsets.UTF_8);
        serve("/big", exchange -> respond(exchange, 200, big));
        serve("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(big);
            }
        });
        JsonFeedReader reader = new JsonFeedReader(http, 100 * 1024);

        assertThatThrownBy(() -> reader.readMovies(FeedLocation.parse(url("/big")), i -> { }))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessage("feed " + url("/big") + ": the feed is " + big.length + " bytes, larger than the limit of 100 KiB");
        assertThatThrownBy(() -> reader.readMovies(FeedLocation.parse(url("/chunked")), i -> { }))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageStartingWith("feed " + url("/chunked") + ": the feed is larger than the limit of 100 KiB");
    }

    @Test
    void refusesAnUnreachableServer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/feed.json";
        assertThatThrownBy(() -> new JsonFeedReader(http).readMovies(FeedLocation.parse(url), i -> { }))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageStartingWith("feed " + url + ": could not connect to the feed server");
    }

    @Test
    void refusesALoopbackFeedWithoutAllowPrivateBeforeAnyRequest() {
        serve("/feed", exchange -> respond(exchange, 200, FEED.getBytes(StandardCharsets.UTF_8)));
        try (OutboundHttp guarded = new OutboundHttp(OutboundHttpSettings.defaults())) {
            assertThatThrownBy(() -> new JsonFeedReader(guarded).readMovies(FeedLocation.parse(url("/feed")), i -> { }))
                    .isInstanceOf(FeedUnreadableException.class)
                    .hasMessage("feed " + url("/feed") + ": refusing to contact 127.0.0.1 (127.0.0.1 is a loopback address); "
                            + "allow private targets with " + OutboundHttpSettings.ALLOW_PRIVATE_TARGETS);
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void dropsTheQueryStringFromMessagesBecauseItMayCarryAKey() {
        serve("/feed", exchange -> respond(exchange, 503, new byte[0]));
        assertUnreadable(url("/feed") + "?api_key=secret", "feed " + url("/feed") + ": the feed server answered HTTP 503 instead of the feed");
    }

    @Test
    void streamsItemsToTheSinkBeforeTheWholeFeedHasArrived() throws Exception {
        CountDownLatch firstItemSeen = new CountDownLatch(1);
        serve("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("[{\"id\": 1, \"name\": \"First\"},".getBytes(StandardCharsets.UTF_8));
                out.write(" ".repeat(70_000).getBytes(StandardCharsets.UTF_8)); // past every buffer on the way
                out.flush();
                boolean seen = awaitQuietly(firstItemSeen);
                out.write(("{\"id\": 2, \"name\": \"" + (seen ? "after the first was seen" : "too early") + "\"}]")
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        List<FeedItem<MovieDraft>> items = new ArrayList<>();
        new JsonFeedReader(http).readMovies(FeedLocation.parse(url("/slow")), item -> {
            items.add(item);
            firstItemSeen.countDown();
        });
        assertThat(items).extracting(i -> accepted(i).draft().title()).containsExactly("First", "after the first was seen");
    }

    @Test
    void refusesAFeedWhoseConnectionIsCutMidStreamAfterHandingOverTheFirstItems() throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            Thread serverThread = Thread.ofVirtual().start(() -> {
                try (Socket socket = raw.accept()) {
                    drainRequest(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                            + "[{\"id\": 1, \"name\": \"One\"}, {\"id\": 2, \"na").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException ignored) {
                    // the test asserts what the client saw
                }
            });
            String url = "http://127.0.0.1:" + raw.getLocalPort() + "/movies.json";
            List<FeedItem<MovieDraft>> items = new ArrayList<>();
            assertThatThrownBy(() -> new JsonFeedReader(http).readMovies(FeedLocation.parse(url), items::add))
                    .isInstanceOf(FeedUnreadableException.class)
                    .hasMessageStartingWith("feed " + url + ": ")
                    .hasMessageContaining("(after 1 items)");
            assertThat(items).hasSize(1);
            serverThread.join();
        }
    }

    @Test
    void givesUpOnAServerThatStopsSendingMidStream() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        serve("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("[{\"id\": 1, \"name\": \"One\"},".getBytes(StandardCharsets.UTF_8));
            out.flush();
            awaitQuietly(release);
            exchange.close();
        });
        try (OutboundHttp impatient = new OutboundHttp(OutboundHttpSettings.defaults().withAllowPrivateTargets(true)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(500)))) {
            assertThatThrownBy(() -> new JsonFeedReader(impatient).readMovies(FeedLocation.parse(url("/stall")), i -> { }))
                    .isInstanceOf(FeedUnreadableException.class)
                    .hasMessage("feed " + url("/stall") + ": reading the feed failed (after 1 items): "
                            + "the feed server sent nothing for 500 ms; gave up");
        } finally {
            release.countDown();
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void serve(String path, Handler handler) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                handler.handle(exchange);
            }
        });
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private List<FeedItem<MovieDraft>> readMovies(String url) {
        List<FeedItem<MovieDraft>> items = new ArrayList<>();
        new JsonFeedReader(http).readMovies(FeedLocation.parse(url), items::add);
        return items;
    }

    private void assertUnreadable(String url, String message) {
        assertThatThrownBy(() -> new JsonFeedReader(http).readMovies(FeedLocation.parse(url), i -> { }))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessage(message);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void drainRequest(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }
}
