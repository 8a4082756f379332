package io.freecast.catalog.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.freecast.catalog.port.out.LinkProbe;
import io.freecast.catalog.port.out.RatingProviderUnavailableException;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A ratings provider or a stream link that cannot be reached says why in the words an operator knows —
 * "connection refused", "timed out", "TLS handshake failed", "unknown host" — not the name of the
 * exception java.net.http happened to wrap ("ClosedChannelException"). Every endpoint is real: a closed
 * port, a server that accepts and never answers, a plain TCP server spoken to with https.
 */
class OutboundFailureWordingIT {

    private static final String KEY = "wording-key";

    private final OutboundHttp http = new OutboundHttp(OutboundHttpSettings.defaults().withAllowPrivateTargets(true)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700)));
    private final List<AutoCloseable> servers = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        http.close();
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    private static RatingTarget movie() {
        return new RatingTarget(TitleKind.MOVIE, 1, "Copper Valley", 2019, RatingPair.UNKNOWN, null);
    }

    private String ratingFailure(URI base) {
        RatingApiSettings settings = RatingApiSettings.of(base, KEY).withRequestsPerSecond(0)
                .withRetries(2, Duration.ofMillis(5), Duration.ofSeconds(1));
        Throwable failure = catchThrowable(() -> new KinopoiskRatingProvider(http, settings).findRatings(movie()));
        assertThat(failure).isInstanceOf(RatingProviderUnavailableException.class);
        return failure.getMessage();
    }

    private String linkFailure(URI url) {
        HttpLinkChecker checker = new HttpLinkChecker(http, new LinkCheckSettings(4, 2, Duration.ofMillis(700)));
        LinkProbe probe = checker.probeAll(List.of(url)).get(url);
        assertThat(probe).isInstanceOf(LinkProbe.Failed.class);
        return ((LinkProbe.Failed) probe).detail();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Accepts connections and holds them open without a byte in answer. */
    private int silentServer() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> held = new CopyOnWriteArrayList<>();
        servers.add(() -> {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
        });
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    held.add(socket.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        return socket.getLocalPort();
    }

    /** A plain TCP server: reads what comes and answers a line of text, as a non-TLS service would. */
    private int plainTcpServer() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(socket);
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket client = socket.accept();
                    Thread.ofVirtual().start(() -> {
                        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                            in.read(new byte[512]);
                            out.write("HELLO plain text\r\n".getBytes(StandardCharsets.US_ASCII));
                        } catch (IOException ignored) {
                            // the client gave up
                        }
                    });
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        return socket.getLocalPort();
    }

    @Test
    void aClosedPortIsConnectionRefused() throws IOException {
        int port = closedPort();

        assertThat(ratingFailure(URI.create("http://127.0.0.1:" + port)))
                .contains("cannot reach kinopoisk").contains("connection refused").contains("2 attempts")
                .doesNotContain("ClosedChannelException");
        assertThat(linkFailure(URI.create("http://127.0.0.1:" + port + "/film.m3u8"))).isEqualTo("connection refused");
    }

    @Test
    void aServerThatNeverAnswersTimedOut() throws IOException {
        int port = silentServer();

        assertThat(ratingFailure(URI.create("http://127.0.0.1:" + port))).contains("timed out");
        assertThat(linkFailure(URI.create("http://127.0.0.1:" + port + "/film.m3u8"))).contains("timed out");
    }

    @Test
    void httpsToAPlainTcpServerIsATlsFailure() throws IOException {
        int port = plainTcpServer();

        assertThat(ratingFailure(URI.create("https://127.0.0.1:" + port))).contains("TLS handshake failed");
        assertThat(linkFailure(URI.create("https://127.0.0.1:" + port + "/film.m3u8"))).startsWith("TLS handshake failed");
    }

    @Test
    void aHostThatDoesNotResolveIsAnUnknownHost() {
        // .invalid never resolves (RFC 2606); the guard (private targets refused) resolves first, the
        // client itself when they are allowed: both say the same.
        URI base = URI.create("http://ratings.no-such-host.invalid");
        assertThat(ratingFailure(base)).contains("unknown host ratings.no-such-host.invalid");
        try (OutboundHttp guarded = new OutboundHttp(OutboundHttpSettings.defaults())) {
            RatingApiSettings settings = RatingApiSettings.of(base, KEY).withRequestsPerSecond(0)
                    .withRetries(1, Duration.ofMillis(5), Duration.ofSeconds(1));
            assertThat(catchThrowable(() -> new KinopoiskRatingProvider(guarded, settings).findRatings(movie())))
                    .hasMessageContaining("unknown host ratings.no-such-host.invalid");
        }
        assertThat(linkFailure(URI.create("http://cdn.no-such-host.invalid/film.m3u8")))
                .isEqualTo("unknown host cdn.no-such-host.invalid");
    }
}
