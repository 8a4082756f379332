package io.freecast.catalog.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboundHttpIT {

    private final ProbeServer server = ProbeServer.start();
    private final OutboundHttp open = new OutboundHttp(OutboundHttpSettings.defaults().withAllowPrivateTargets(true));

    @AfterEach
    void close() {
        server.close();
        open.close();
    }

    @Test
    void followsRedirectsAndSendsTheUserAgent() throws Exception {
        server.route("/a", ProbeServer.redirect(301, "/b")).route("/b", ProbeServer.redirect(308, "/c"))
                .route("/c", exchange -> ProbeServer.respond(exchange, 200, "text/plain", "done"));

        HttpResponse<String> response = open.sendFollowingRedirects(
                HttpRequest.newBuilder(server.uri("/a")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("done");
        assertThat(response.uri()).isEqualTo(server.uri("/c"));
        assertThat(server.received()).extracting(ProbeServer.Received::path).containsExactly("/a", "/b", "/c");
        assertThat(server.received()).allSatisfy(r ->
                assertThat(r.header("User-Agent")).isEqualTo(OutboundHttpSettings.defaults().userAgent()));
    }

    @Test
    void a303TurnsAPostIntoAGet() throws Exception {
        server.route("/form", ProbeServer.redirect(303, "/result")).status("/result", 200);

        open.sendFollowingRedirects(HttpRequest.newBuilder(server.uri("/form"))
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).build(), BodyHandlers.discarding());

        assertThat(server.received()).extracting(ProbeServer.Received::method).containsExactly("POST", "GET");
    }

    @Test
    void detectsALoopBeforeTheLimit() {
        server.route("/a", ProbeServer.redirect(302, "/b")).route("/b", ProbeServer.redirect(302, "/a"));

        assertThatThrownBy(() -> open.sendFollowingRedirects(HttpRequest.newBuilder(server.uri("/a")).build(),
                BodyHandlers.discarding()))
                .isInstanceOfSatisfying(RedirectException.class,
                        e -> assertThat(e.kind()).isEqualTo(RedirectException.Kind.LOOP));
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void stopsAfterTheRedirectLimit() {
        for (int i = 0; i < 10; i++) {
            server.route("/r" + i, ProbeServer.redirect(302, "/r" + (i + 1)));
        }
        int limit = OutboundHttpSettings.defaults().maxRedirects();

        assertThatThrownBy(() -> open.sendFollowingRedirects(HttpRequest.newBuilder(server.uri("/r0")).build(),
                BodyHandlers.discarding()))
                .isInstanceOfSatisfying(RedirectException.class,
                        e -> assertThat(e.kind()).isEqualTo(RedirectException.Kind.TOO_MANY));
        assertThat(server.received()).hasSize(limit + 1);
    }

    @Test
    void aRedirectWithoutLocationIsAnError() {
        server.status("/nowhere", 302);

        assertThatThrownBy(() -> open.sendFollowingRedirects(HttpRequest.newBuilder(server.uri("/nowhere")).build(),
                BodyHandlers.discarding()))
                .isInstanceOfSatisfying(RedirectException.class,
                        e -> assertThat(e.kind()).isEqualTo(RedirectException.Kind.MISSING_LOCATION));
    }

    @Test
    void theGuardChecksEveryHop() {
        // The literal 127.0.0.1 passes the guard here (its resolver says it is public; the client connects to a
        // literal without resolving it), "localhost" does not: it resolves to loopback.
        TargetGuard guard = new TargetGuard(false, host -> host.equals("127.0.0.1")
                ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14})}
                : InetAddress.getAllByName(host));
        server.route("/out", ProbeServer.redirect(302, "http://10.0.0.7/admin"))
                .route("/in", ProbeServer.redirect(302, "http://localhost:" + server.port() + "/secret"))
                .status("/secret", 200);

        try (OutboundHttp guarded = new OutboundHttp(OutboundHttpSettings.defaults(), guard)) {
            for (String path : new String[] {"/out", "/in"}) {
                URI start = URI.create("http://127.0.0.1:" + server.port() + path);
                assertThatThrownBy(() -> guarded.sendFollowingRedirects(HttpRequest.newBuilder(start).build(),
                        BodyHandlers.discarding()))
                        .isInstanceOf(BlockedTargetException.class).hasMessageContaining(OutboundHttpSettings.ALLOW_PRIVATE_TARGETS);
            }
        }
        assertThat(server.received()).extracting(ProbeServer.Received::path).containsExactly("/out", "/in");
    }

    @Test
    void theGuardRefusesTheFirstUrlWithoutSendingIt() {
        try (OutboundHttp guarded = new OutboundHttp(OutboundHttpSettings.defaults())) {
            assertThatThrownBy(() -> guarded.send(HttpRequest.newBuilder(server.uri("/x")).build(),
                    BodyHandlers.discarding()))
                    .isInstanceOf(BlockedTargetException.class).hasMessageContaining("loopback");
        }
        assertThat(server.received()).isEmpty();
    }
}
