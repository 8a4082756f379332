package io.freecast.catalog.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import io.freecast.catalog.port.out.RatingProvider;
import io.freecast.catalog.port.out.RatingProviderUnavailableException;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A ratings API that echoes the request — its URL, its headers, its key — back in every way it can: in an
 * error body, in a body that is not JSON (which a parser quotes), in a redirect's Location (a loop, a
 * scheme the guard refuses, an invalid URL). Whatever comes back, neither the key nor its percent-encoded
 * form is in the failure's message, in any cause's message, in its printed stack trace, or in the log.
 */
class RatingKeyRedactionIT {

    /** Characters a query string encodes, so the encoded form is planted too. */
    private static final String KEY = "planted-K3Y+/=zq";
    private static final String ENCODED_KEY = URLEncoder.encode(KEY, StandardCharsets.UTF_8);

    private final ProbeServer api = ProbeServer.start();
    private final OutboundHttp http = new OutboundHttp(OutboundHttpSettings.defaults().withAllowPrivateTargets(true));
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureTheLog() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void close() {
        root.detachAppender(logged);
        api.close();
        http.close();
    }

    private RatingApiSettings settings() {
        return RatingApiSettings.of(api.uri(""), KEY).withRequestsPerSecond(0)
                .withRetries(2, Duration.ofMillis(5), Duration.ofSeconds(1));
    }

    private static RatingTarget movie() {
        return new RatingTarget(TitleKind.MOVIE, 1, "Copper Valley", 2019, RatingPair.UNKNOWN, null);
    }

    /** Everything the request carried, as a careless API's error page would show it. */
    private static String echo(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        String headers = exchange.getRequestHeaders().entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(",", e.getValue())).collect(Collectors.joining("; "));
        return exchange.getRequestMethod() + " " + exchange.getRequestURI() + " (" + query + " = "
                + (query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8)) + ") " + headers;
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The provider's answers, each echoing the request in its own way. */
    private ProbeServer.Route route(String how) {
        return exchange -> {
            String echo = echo(exchange);
            switch (how) {
                case "error-body" -> ProbeServer.respond(exchange, 400, "application/json",
                        "{\"Response\":\"False\",\"Error\":" + jsonString("bad request: " + echo) + ",\"message\":"
                                + jsonString(echo) + "}");
                case "refused-key" -> ProbeServer.respond(exchange, 401, "application/json",
                        "{\"Response\":\"False\",\"Error\":" + jsonString("Invalid API key " + KEY + " " + echo) + "}");
                case "not-json" -> ProbeServer.respond(exchange, 200, "text/plain", KEY + " " + echo);
                case "omdb-refusal" -> ProbeServer.respond(exchange, 200, "application/json",
                        "{\"Response\":\"False\",\"Error\":" + jsonString("Invalid API key! " + echo) + "}");
                case "redirect-loop" -> ProbeServer.redirect(302, exchange.getRequestURI().toString()
                        + (exchange.getRequestURI().getRawQuery() == null ? "?apikey=" + ENCODED_KEY : "")).handle(exchange);
                case "redirect-refused-scheme" -> ProbeServer.redirect(302, "ftp://files.example/" + KEY
                        + "?apikey=" + ENCODED_KEY).handle(exchange);
                case "redirect-invalid" -> ProbeServer.redirect(302, "http://api.example/a b?apikey=" + KEY
                        + "&raw=" + ENCODED_KEY).handle(exchange);
                case "server-error" -> ProbeServer.respond(exchange, 503, "text/plain", echo);
                default -> throw new IllegalArgumentException(how);
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"error-body", "refused-key", "not-json", "omdb-refusal", "redirect-loop",
            "redirect-refused-scheme", "redirect-invalid", "server-error"})
    void omdbNeverLetsTheKeyOut(String how) {
        api.route("/", route(how));

        assertNothingLeaks(new OmdbRatingProvider(http, settings()), how);
    }

    @ParameterizedTest
    @ValueSource(strings = {"error-body", "refused-key", "not-json", "redirect-loop", "redirect-refused-scheme",
            "redirect-invalid", "server-error"})
    void kinopoiskNeverLetsTheKeyOut(String how) {
        api.route("/v1.4/movie/search", route(how));

        assertNothingLeaks(new KinopoiskRatingProvider(http, settings()), how);
    }

    private void assertNothingLeaks(RatingProvider provider, String how) {
        Throwable failure = catchThrowable(() -> provider.findRatings(movie()));

        assertThat(failure).as(how).isInstanceOf(RatingProviderUnavailableException.class);
        assertThat(api.received()).as("the fake provider was asked, and was sent the key").isNotEmpty();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).as("the failure, every cause and the stack trace")
                .doesNotContain(KEY).doesNotContain(ENCODED_KEY);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY).doesNotContain(ENCODED_KEY);
        }
        String log = logged.list.stream()
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                        : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
        assertThat(log).doesNotContain(KEY).doesNotContain(ENCODED_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"redirect-loop", "not-json"})
    void theRedactedFailureStillSaysWhatHappened(String how) {
        api.route("/", route(how));

        Throwable failure = catchThrowable(() -> new OmdbRatingProvider(http, settings()).findRatings(movie()));

        if (how.equals("redirect-loop")) {
            assertThat(failure).hasMessageContaining("redirect loop").hasMessageContaining("apikey=" + SecretRedaction.MASK);
        } else {
            assertThat(failure).hasMessageContaining("malformed JSON");
        }
    }

    /** The echoing server itself, to show the planted key really travels (else the test proves nothing). */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/v1.4/movie/search"})
    void theKeyIsSentAndEchoed(String path) throws IOException {
        api.route(path, route("error-body"));
        RatingProvider provider = path.equals("/") ? new OmdbRatingProvider(http, settings())
                : new KinopoiskRatingProvider(http, settings());

        catchThrowable(() -> provider.findRatings(movie()));

        ProbeServer.Received request = api.received().get(0);
        assertThat(path.equals("/") ? request.query() : request.header("X-API-KEY"))
                .contains(path.equals("/") ? ENCODED_KEY : KEY);
    }
}
