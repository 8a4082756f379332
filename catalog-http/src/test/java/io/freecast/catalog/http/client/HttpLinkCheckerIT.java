package io.freecast.catalog.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.port.out.LinkProbe;
import io.freecast.catalog.port.out.LinkProbe.FailureKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpLinkCheckerIT {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final ProbeServer server = ProbeServer.start();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        server.close();
        for (AutoCloseable c : closeAfter) {
            c.close();
        }
    }

    @Test
    void mapsEveryStatusToItsOutcome() {
        server.status("/ok", 200).status("/no-content", 204).status("/missing", 404).status("/removed", 410)
                .status("/broken", 500).status("/unavailable", 503).status("/forbidden", 403)
                .status("/not-modified", 304);

        Map<URI, LinkProbe> probes = checker(true).probeAll(List.of(server.uri("/ok"), server.uri("/no-content"),
                server.uri("/missing"), server.uri("/removed"), server.uri("/broken"), server.uri("/unavailable"),
                server.uri("/forbidden"), server.uri("/not-modified")));

        assertThat(probes).containsExactly(
                Map.entry(server.uri("/ok"), new LinkProbe.Reachable(200)),
                Map.entry(server.uri("/no-content"), new LinkProbe.Reachable(204)),
                Map.entry(server.uri("/missing"), new LinkProbe.Gone(404)),
                Map.entry(server.uri("/removed"), new LinkProbe.Gone(410)),
                Map.entry(server.uri("/broken"), new LinkProbe.Failed(FailureKind.SERVER_ERROR, 500, "HTTP 500")),
                Map.entry(server.uri("/unavailable"), new LinkProbe.Failed(FailureKind.SERVER_ERROR, 503, "HTTP 503")),
                Map.entry(server.uri("/forbidden"), new LinkProbe.Failed(FailureKind.CLIENT_ERROR, 403, "HTTP 403")),
                Map.entry(server.uri("/not-modified"), new LinkProbe.Reachable(304)));
        assertThat(server.received()).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("HEAD");
            assertThat(r.header("Upgrade")).as("no h2c upgrade offer on plain http").isNull();
        });
    }

    @Test
    void fallsBackToAOneByteGetWhenHeadIsRefused() {
        for (String path : List.of("/head-405", "/head-501")) {
            int refusal = path.endsWith("405") ? 405 : 501;
            server.route(path, exchange -> {
                if (exchange.getRequestMethod().equals("HEAD")) {
                    ProbeServer.respond(exchange, refusal);
                } else {
                    exchange.getResponseHeaders().add("Content-Range", "bytes 0-0/1000");
                    ProbeServer.respond(exchange, 206, "video/mp4", "x");
                }
            });
        }

        Map<URI, LinkProbe> probes = checker(true).probeAll(List.of(server.uri("/head-405"), server.uri("/head-501")));

        assertThat(probes.values()).containsOnly(new LinkProbe.Reachable(206));
        assertThat(server.received()).extracting(ProbeServer.Received::method)
                .containsExactlyInAnyOrder("HEAD", "GET", "HEAD", "GET");
        assertThat(server.received()).filteredOn(r -> r.method().equals("GET"))
                .allSatisfy(r -> assertThat(r.header("Range")).isEqualTo("bytes=0-0"));
    }

    @Test
    void neverReadsABodyWhenAServerIgnoresTheRange() {
        AtomicLong written = new AtomicLong();
        long size = 512L * 1024 * 1024;
        server.route("/film", exchange -> {
            if (exchange.getRequestMethod().equals("HEAD")) {
                ProbeServer.respond(exchange, 405);
                return;
            }
            exchange.sendResponseHeaders(200, size);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < size; sent += chunk.length) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException expected) {
                // the checker closed the connection after the headers
            }
        });

        Map<URI, LinkProbe> probes = checker(true).probeAll(List.of(server.uri("/film")));

        assertThat(probes.get(server.uri("/film"))).isEqualTo(new LinkProbe.Reachable(200));
        assertThat(written.get()).isLessThan(size);
    }

    @Test
    void followsRedirectsToTheFinalStatus() {
        server.route("/old", ProbeServer.redirect(301, "/moved")).route("/moved", ProbeServer.redirect(302, "/new"))
                .status("/new", 200).route("/to-gone", ProbeServer.redirect(307, "/missing"));

        Map<URI, LinkProbe> probes = checker(true).probeAll(List.of(server.uri("/old"), server.uri("/to-gone")));

        assertThat(probes.get(server.uri("/old"))).isEqualTo(new LinkProbe.Reachable(200));
        assertThat(probes.get(server.uri("/to-gone"))).isEqualTo(new LinkProbe.Gone(404));
    }

    @Test
    void aRedirectLoopAndAnEndlessChainAreFailures() {
        server.route("/a", ProbeServer.redirect(302, "/b")).route("/b", ProbeServer.redirect(302, "/a"));
        for (int i = 0; i < 20; i++) {
            server.route("/hop" + i, ProbeServer.redirect(302, "/hop" + (i + 1)));
        }

        Map<URI, LinkProbe> probes = checker(true).probeAll(List.of(server.uri("/a"), server.uri("/hop0")));

        assertThat(probes.get(server.uri("/a"))).isInstanceOfSatisfying(LinkProbe.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.REDIRECT_LOOP));
        assertThat(probes.get(server.uri("/hop0"))).isInstanceOfSatisfying(LinkProbe.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.TOO_MANY_REDIRECTS));
        assertThat(server.requestsTo("/hop6")).isZero();
    }

    @Test
    void aLinkSlowerThanTheTimeoutIsATimeout() {
        server.route("/slow", exchange -> {
            Thread.sleep(TIMEOUT.multipliedBy(4).toMillis());
            ProbeServer.respond(exchange, 200);
        });

        LinkProbe probe = checker(true).probeAll(List.of(server.uri("/slow"))).get(server.uri("/slow"));

        assertThat(probe).isInstanceOfSatisfying(LinkProbe.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(failed.status()).isNull();
        });
    }

    @Test
    void aClosedPortIsAConnectionFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/x");

        LinkProbe probe = checker(true).probeAll(List.of(closed)).get(closed);

        assertThat(probe).isInstanceOfSatisfying(LinkProbe.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.CONNECTION);
            assertThat(failed.detail()).containsIgnoringCase("refused");
        });
    }

    @Test
    void aResetConnectionIsAConnectionFailure() throws IOException {
        ServerSocket resetting = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        closeAfter.add(resetting);
        Thread.ofVirtual().start(() -> {
            while (!resetting.isClosed()) {
                try {
                    Socket socket = resetting.accept();
                    socket.getInputStream().read(new byte[1024]);
                    socket.setSoLinger(true, 0); // close with RST, not FIN
                    socket.close();
                } catch (IOException e) {
                    return;
                }
            }
        });
        URI reset = URI.create("http://127.0.0.1:" + resetting.getLocalPort() + "/x");

        LinkProbe probe = checker(true).probeAll(List.of(reset)).get(reset);

        assertThat(probe).isInstanceOfSatisfying(LinkProbe.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.CONNECTION));
    }

    @Test
    void aUrlThatCannotBeRequestedIsInvalid() {
        URI ftp = URI.create("ftp://files.example.org/film.mp4");
        URI mail = URI.create("mailto:someone@example.org");

        Map<URI, LinkProbe> probes = checker(true).probeAll(List.of(ftp, mail));

        assertThat(probes.values()).allSatisfy(probe -> assertThat(probe).isInstanceOfSatisfying(
                LinkProbe.Failed.class, failed -> assertThat(failed.kind()).isEqualTo(FailureKind.INVALID_URL)));
    }

    @Test
    void theGuardRefusesPrivateTargetsWithoutSendingAnything() {
        server.status("/ok", 200);
        // A host name whose DNS answer is the loopback server: refused like the address itself.
        TargetGuard guard = new TargetGuard(false, host -> host.equals("media.example.test")
                ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})}
                : InetAddress.getAllByName(host));
        List<URI> targets = List.of(server.uri("/ok"),
                URI.create("http://media.example.test:" + server.port() + "/ok"),
                URI.create("http://10.1.2.3/film.m3u8"), URI.create("http://192.168.0.10/film.m3u8"),
                URI.create("http://169.254.169.254/latest/meta-data/"), URI.create("http://[fe80::1]/x"),
                URI.create("http://localhost:" + server.port() + "/ok"));

        Map<URI, LinkProbe> probes = checker(guard).probeAll(targets);

        assertThat(probes).hasSize(targets.size());
        assertThat(probes.values()).allSatisfy(probe -> assertThat(probe).isInstanceOfSatisfying(
                LinkProbe.Failed.class, failed -> assertThat(failed.kind()).isEqualTo(FailureKind.BLOCKED_TARGET)));
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aRedirectFromAnAllowedHostToAPrivateOneIsRefusedAtThatHop() {
        // The literal 127.0.0.1 passes the guard here (its resolver says it is public; the client connects to a
        // literal without resolving it), "localhost" does not: it resolves to loopback.
        TargetGuard guard = new TargetGuard(false, host -> host.equals("127.0.0.1")
                ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14})}
                : InetAddress.getAllByName(host));
        server.route("/public", ProbeServer.redirect(302, "http://localhost:" + server.port() + "/internal"))
                .status("/internal", 200);
        URI start = URI.create("http://127.0.0.1:" + server.port() + "/public");

        LinkProbe probe = checker(guard).probeAll(List.of(start)).get(start);

        assertThat(probe).isInstanceOfSatisfying(LinkProbe.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.BLOCKED_TARGET));
        assertThat(server.requestsTo("/public")).isEqualTo(1);
        assertThat(server.requestsTo("/internal")).isZero();
    }

    @Test
    void neverHasMoreRequestsInFlightToOneHostThanThePerHostLimit() {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            server.route("/slow" + i, server.slow(150, 200));
            urls.add(server.uri("/slow" + i));
        }
        HttpLinkChecker checker = new HttpLinkChecker(outbound(new TargetGuard(true)),
                new LinkCheckSettings(50, 3, Duration.ofSeconds(10)));

        Map<URI, LinkProbe> probes = checker.probeAll(urls);

        assertThat(probes.values()).containsOnly(new LinkProbe.Reachable(200));
        assertThat(server.maxInFlight()).isBetween(2, 3);
    }

    @Test
    void neverHasMoreRequestsInFlightOverAllHostsThanTheConcurrency() {
        List<URI> urls = new ArrayList<>();
        for (int host = 2; host <= 7; host++) {
            ProbeServer sibling = server.sibling("127.0.0." + host);
            closeAfter.add(sibling);
            for (int i = 0; i < 5; i++) {
                sibling.route("/slow" + i, sibling.slow(150, 200));
                urls.add(sibling.uri("/slow" + i));
            }
        }
        HttpLinkChecker checker = new HttpLinkChecker(outbound(new TargetGuard(true)),
                new LinkCheckSettings(4, 10, Duration.ofSeconds(10)));

        Map<URI, LinkProbe> probes = checker.probeAll(urls);

        assertThat(probes).hasSize(30);
        assertThat(probes.values()).containsOnly(new LinkProbe.Reachable(200));
        assertThat(server.maxInFlight()).isBetween(2, 4);
    }

    @Test
    void probesEachDistinctUrlOnce() {
        server.status("/ok", 200);

        Map<URI, LinkProbe> probes = checker(true).probeAll(List.of(server.uri("/ok"), server.uri("/ok")));

        assertThat(probes).hasSize(1);
        assertThat(server.requestsTo("/ok")).isEqualTo(1);
    }

    private HttpLinkChecker checker(boolean allowPrivate) {
        return checker(new TargetGuard(allowPrivate));
    }

    private HttpLinkChecker checker(TargetGuard guard) {
        return new HttpLinkChecker(outbound(guard), new LinkCheckSettings(16, 4, TIMEOUT));
    }

    private OutboundHttp outbound(TargetGuard guard) {
        OutboundHttp http = new OutboundHttp(OutboundHttpSettings.defaults()
                .withTimeouts(TIMEOUT, TIMEOUT).withAllowPrivateTargets(guard.allowsPrivateTargets()), guard);
        closeAfter.add(http);
        return http;
    }

}
