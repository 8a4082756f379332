package io.freecast.catalog.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.port.out.LinkProbe;
import io.freecast.catalog.port.out.RatingProviderUnavailableException;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a name that resolves to a public address when the SSRF guard checks it and to 127.0.0.1
 * when the HTTP client connects must never lead to a connection to loopback, for a plain request, a
 * redirect hop, the link checker and the ratings client.
 *
 * <p>The two answers for "localhost": the guard's resolver (first lookup) says 203.0.113.7 (public); the
 * JVM's resolver (second lookup, the one the HTTP client makes) says 127.0.0.1, every time (the pom turns
 * the JVM's DNS cache off for integration tests, as a rebinding server's time-to-live of 0 would). A loopback port
 * counts the connections it gets: it must get none. The request itself fails (203.0.113.0/24 is a
 * documentation network no one answers), which is the right outcome.
 */
class DnsRebindingIT {

    private static final Duration SHORT = Duration.ofSeconds(1);

    private final ConnectionCounter loopback = new ConnectionCounter();
    private final ProbeServer server = ProbeServer.start();
    private OutboundHttp http;

    /** The first answer: "localhost" is public; 127.0.0.1 is "public" too (see below). */
    private final TargetGuard guard = new TargetGuard(false, host -> {
        if (host.equals("localhost")) {
            return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {(byte) 203, 0, 113, 7})};
        }
        if (host.equals("127.0.0.1")) {
            // Lets the first hop of the redirect test reach the loopback probe server: the client connects to
            // a literal address without resolving it, so this lie does not change where it connects.
            return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14})};
        }
        return InetAddress.getAllByName(host);
    });

    @BeforeEach
    void open() {
        http = new OutboundHttp(OutboundHttpSettings.defaults().withTimeouts(SHORT, SHORT), guard);
    }

    @AfterEach
    void close() {
        http.close();
        server.close();
        loopback.close();
    }

    @Test
    void theJvmResolvesNamesThroughTheCheckedAddressResolver() {
        assertThat(CheckedAddresses.isResolverInstalled()).isTrue();
    }

    @Test
    void withoutARequestInFlightLocalhostResolvesAsAlways() throws Exception {
        assertThat(CheckedAddresses.pinned("localhost")).isNull();
        assertThat(InetAddress.getAllByName("localhost")[0].isLoopbackAddress()).isTrue();
    }

    @Test
    void aRequestConnectsToTheCheckedAddressNotToTheSecondAnswer() throws Exception {
        assertLocalhostIsLoopbackForTheJvm();
        URI target = URI.create("http://localhost:" + loopback.port() + "/");

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(target).build(), BodyHandlers.discarding()))
                .isInstanceOf(IOException.class);

        assertThat(loopback.connections()).isZero();
        assertThat(CheckedAddresses.pinned("localhost")).as("the pin ends with the request").isNull();
    }

    @Test
    void aRedirectHopConnectsToTheAddressCheckedForThatHop() throws Exception {
        assertLocalhostIsLoopbackForTheJvm();
        server.route("/start", ProbeServer.redirect(302, "http://localhost:" + loopback.port() + "/"));

        assertThatThrownBy(() -> http.sendFollowingRedirects(
                HttpRequest.newBuilder(server.uri("/start")).build(), BodyHandlers.discarding()))
                .isInstanceOf(IOException.class);

        assertThat(server.requestsTo("/start")).as("the first hop was sent").isEqualTo(1);
        assertThat(loopback.connections()).isZero();
    }

    @Test
    void theLinkCheckerNeverReachesLoopbackThroughARebindingName() throws Exception {
        assertLocalhostIsLoopbackForTheJvm();
        URI link = URI.create("http://localhost:" + loopback.port() + "/film.m3u8");

        Map<URI, LinkProbe> probes = new HttpLinkChecker(http, new LinkCheckSettings(4, 2, SHORT))
                .probeAll(List.of(link));

        assertThat(probes.get(link)).isInstanceOf(LinkProbe.Failed.class);
        assertThat(loopback.connections()).isZero();
    }

    @Test
    void theRatingsClientNeverReachesLoopbackThroughARebindingName() throws Exception {
        assertLocalhostIsLoopbackForTheJvm();
        RatingApiSettings settings = RatingApiSettings.of(
                        URI.create("http://localhost:" + loopback.port()), "planted-key-0001")
                .withRequestsPerSecond(0).withRetries(2, Duration.ofMillis(10), SHORT);
        OmdbRatingProvider omdb = new OmdbRatingProvider(http, settings);

        assertThatThrownBy(() -> omdb.findRatings(
                new RatingTarget(TitleKind.MOVIE, 1, "Copper Valley", 2019, RatingPair.UNKNOWN, null)))
                .isInstanceOf(RatingProviderUnavailableException.class);

        assertThat(loopback.connections()).isZero();
    }

    /** The second answer, which the HTTP client would connect to without the pin: the counting port. */
    private static void assertLocalhostIsLoopbackForTheJvm() throws Exception {
        assertThat(InetAddress.getAllByName("localhost")[0].getHostAddress()).isEqualTo("127.0.0.1");
    }
}
