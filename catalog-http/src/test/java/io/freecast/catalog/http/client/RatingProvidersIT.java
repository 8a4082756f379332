package io.freecast.catalog.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.port.out.RatingProviderUnavailableException;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import io.freecast.catalog.port.out.RatingTarget.TitleKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RatingProvidersIT {

    private static final String KEY = "secret-key-123";

    private final ProbeServer api = ProbeServer.start();
    private final OutboundHttp http = new OutboundHttp(OutboundHttpSettings.defaults().withAllowPrivateTargets(true));

    @AfterEach
    void close() {
        api.close();
        http.close();
    }

    private RatingApiSettings settings(String key) {
        return RatingApiSettings.of(api.uri(""), key).withRequestsPerSecond(0)
                .withRetries(3, Duration.ofMillis(10), Duration.ofSeconds(5));
    }

    private static RatingTarget movie(String title, Integer year) {
        return new RatingTarget(TitleKind.MOVIE, 1, title, year, RatingPair.UNKNOWN, null);
    }

    private void kinopoiskAnswers(String json) {
        api.route("/v1.4/movie/search", exchange -> ProbeServer.respond(exchange, 200, "application/json", json));
    }

    private static final String DOCS = """
            {"docs":[
              {"id":1,"name":"Медный край","alternativeName":"Copper Valley","year":1999,"type":"movie",
               "rating":{"kp":6.1,"imdb":5.9}},
              {"id":2,"name":"Медный край","alternativeName":"Copper Valley","year":2019,"type":"movie",
               "rating":{"kp":7.3,"imdb":7.0}},
              {"id":3,"name":"Copper Valley","alternativeName":null,"year":2019,"type":"tv-series",
               "rating":{"kp":8.8,"imdb":8.5}},
              {"id":4,"name":"Unrated","year":2026,"type":"movie","rating":{"kp":0,"imdb":0}}
            ],"total":4,"limit":10,"page":1,"pages":1}
            """;

    @Nested
    class Kinopoisk {

        private KinopoiskRatingProvider provider() {
            return new KinopoiskRatingProvider(http, settings(KEY));
        }

        @Test
        void takesTheDocumentWithTheTitleAndYearAndSendsTheKeyInAHeader() {
            kinopoiskAnswers(DOCS);

            Optional<RatingPair> ratings = provider().findRatings(movie("copper  valley!", 2019));

            assertThat(ratings).contains(new RatingPair(Rating.of(7.0), Rating.of(7.3)));
            ProbeServer.Received request = api.received().get(0);
            assertThat(request.header("X-API-KEY")).isEqualTo(KEY);
            assertThat(request.query()).isEqualTo("query=copper++valley%21");
        }

        @Test
        void aShowTakesTheSeriesNotTheFilm() {
            kinopoiskAnswers(DOCS);
            RatingTarget show = new RatingTarget(TitleKind.SHOW, 5, "Copper Valley", 2019, RatingPair.UNKNOWN, null);

            assertThat(provider().findRatings(show)).contains(new RatingPair(Rating.of(8.5), Rating.of(8.8)));
        }

        @Test
        void keepsTheImdbRatingATitleAlreadyHas() {
            kinopoiskAnswers(DOCS);
            RatingTarget rated = new RatingTarget(TitleKind.MOVIE, 1, "Copper Valley", 2019,
                    new RatingPair(Rating.of(6.6), null), null);

            assertThat(provider().findRatings(rated)).contains(new RatingPair(null, Rating.of(7.3)));
        }

        @Test
        void aSameNamedFilmOfAnotherYearIsNotFound() {
            kinopoiskAnswers(DOCS);

            assertThat(provider().findRatings(movie("Copper Valley", 2005))).isEmpty();
        }

        @Test
        void withoutAYearTheMostRelevantMatchIsTaken() {
            kinopoiskAnswers(DOCS);

            assertThat(provider().findRatings(movie("Copper Valley", null)))
                    .contains(new RatingPair(Rating.of(5.9), Rating.of(6.1)));
        }

        @Test
        void anUnknownTitleAndAZeroRatingAreNotFound() {
            kinopoiskAnswers(DOCS);
            assertThat(provider().findRatings(movie("Nothing Like It", null))).isEmpty();
            assertThat(provider().findRatings(movie("Unrated", 2026))).isEmpty();

            kinopoiskAnswers("{\"docs\":[],\"total\":0,\"limit\":10,\"page\":1,\"pages\":0}");
            assertThat(provider().findRatings(movie("Copper Valley", 2019))).isEmpty();
        }

        @Test
        void waitsAsLongAsRetryAfterSaysAfterA429() {
            AtomicInteger calls = new AtomicInteger();
            api.route("/v1.4/movie/search", exchange -> {
                if (calls.incrementAndGet() == 1) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    ProbeServer.respond(exchange, 429);
                } else {
                    ProbeServer.respond(exchange, 200, "application/json", DOCS);
                }
            });

            assertThat(provider().findRatings(movie("Copper Valley", 2019))).isPresent();
            assertThat(api.requestsTo("/v1.4/movie/search")).isEqualTo(2);
        }

        @Test
        void aRetryAfterLongerThanARunWaitsFailsAtOnce() {
            api.route("/v1.4/movie/search", exchange -> {
                exchange.getResponseHeaders().add("Retry-After", "86400");
                ProbeServer.respond(exchange, 429);
            });

            assertThatThrownBy(() -> provider().findRatings(movie("Copper Valley", 2019)))
                    .isInstanceOf(RatingProviderUnavailableException.class)
                    .hasMessageContaining("HTTP 429").hasMessageContaining("86400 s");
            assertThat(api.requestsTo("/v1.4/movie/search")).isEqualTo(1);
        }

        @Test
        void retriesA503AndFailsAfterTheLastAttempt() {
            AtomicInteger calls = new AtomicInteger();
            api.route("/v1.4/movie/search", exchange -> {
                if (calls.incrementAndGet() == 1) {
                    ProbeServer.respond(exchange, 503);
                } else {
                    ProbeServer.respond(exchange, 200, "application/json", DOCS);
                }
            });
            assertThat(provider().findRatings(movie("Copper Valley", 2019))).isPresent();

            api.status("/v1.4/movie/search", 500);
            assertThatThrownBy(() -> provider().findRatings(movie("Copper Valley", 2019)))
                    .isInstanceOf(RatingProviderUnavailableException.class)
                    .hasMessageContaining("HTTP 500 at " + api.uri("/v1.4/movie/search") + " on all 3 attempts");
            assertThat(api.requestsTo("/v1.4/movie/search")).isEqualTo(2 + 3);
        }

        @Test
        void malformedJsonMakesTheProviderUnavailable() {
            kinopoiskAnswers("{\"docs\":[{\"name\":\"Copper");

            assertThatThrownBy(() -> provider().findRatings(movie("Copper Valley", 2019)))
                    .isInstanceOf(RatingProviderUnavailableException.class).hasMessageContaining("malformed JSON");
        }

        @Test
        void jsonOfAnotherShapeMakesTheProviderUnavailable() {
            kinopoiskAnswers("[1,2,3]");

            assertThatThrownBy(() -> provider().findRatings(movie("Copper Valley", 2019)))
                    .isInstanceOf(RatingProviderUnavailableException.class).hasMessageContaining("'docs'");
        }

        @Test
        void aRefusedKeyMakesTheProviderUnavailable() {
            api.route("/v1.4/movie/search", exchange -> ProbeServer.respond(exchange, 401, "application/json",
                    "{\"statusCode\":401,\"message\":\"Token is invalid\",\"error\":\"Unauthorized\"}"));

            assertThatThrownBy(() -> provider().findRatings(movie("Copper Valley", 2019)))
                    .isInstanceOf(RatingProviderUnavailableException.class)
                    .hasMessageContaining("HTTP 401: Token is invalid").hasMessageContaining(RatingApiSettings.API_KEY);
            assertThat(api.requestsTo("/v1.4/movie/search")).isEqualTo(1);
        }

        @Test
        void aMissingKeyIsRefusedBeforeAnyRequest() {
            assertThatThrownBy(() -> new KinopoiskRatingProvider(http, settings(null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("API key");
            assertThatThrownBy(() -> new KinopoiskRatingProvider(http, settings("  ")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(api.received()).isEmpty();
        }
    }

    @Nested
    class Omdb {

        private OmdbRatingProvider provider() {
            return new OmdbRatingProvider(http, settings(KEY));
        }

        private void omdbAnswers(int status, String json) {
            api.route("/", exchange -> ProbeServer.respond(exchange, status, "application/json", json));
        }

        @Test
        void readsTheImdbRatingAndSendsKeyTitleYearAndType() {
            omdbAnswers(200, "{\"Title\":\"Copper Valley\",\"Year\":\"2019\",\"imdbRating\":\"7.4\",\"Response\":\"True\"}");

            assertThat(provider().findRatings(movie("Copper Valley", 2019))).contains(new RatingPair(Rating.of(7.4), null));
            assertThat(api.received().get(0).query())
                    .isEqualTo("apikey=" + KEY + "&t=Copper+Valley&y=2019&type=movie");
        }

        @Test
        void notApplicableAndNotFoundAreUnknown() {
            omdbAnswers(200, "{\"Title\":\"Copper Valley\",\"imdbRating\":\"N/A\",\"Response\":\"True\"}");
            assertThat(provider().findRatings(movie("Copper Valley", 2019))).isEmpty();

            omdbAnswers(200, "{\"Response\":\"False\",\"Error\":\"Movie not found!\"}");
            assertThat(provider().findRatings(movie("Copper Valley", 2019))).isEmpty();
        }

        @Test
        void anAnswerForAnotherTitleIsNotFound() {
            omdbAnswers(200, "{\"Title\":\"Copper Valley II\",\"imdbRating\":\"6.0\",\"Response\":\"True\"}");

            assertThat(provider().findRatings(movie("Copper Valley", 2019))).isEmpty();
        }

        @Test
        void anInvalidKeyMakesTheProviderUnavailableAndTheKeyIsNeverInTheMessage() {
            omdbAnswers(401, "{\"Response\":\"False\",\"Error\":\"Invalid API key!\"}");

            assertThatThrownBy(() -> provider().findRatings(movie("Copper Valley", 2019)))
                    .isInstanceOf(RatingProviderUnavailableException.class)
                    .hasMessageContaining("Invalid API key!")
                    .message().doesNotContain(KEY);
        }

        @Test
        void aSpentQuotaMakesTheProviderUnavailable() {
            omdbAnswers(200, "{\"Response\":\"False\",\"Error\":\"Request limit reached!\"}");

            assertThatThrownBy(() -> provider().findRatings(movie("Copper Valley", 2019)))
                    .isInstanceOf(RatingProviderUnavailableException.class).hasMessageContaining("limit");
        }

        @Test
        void honoursARetryAfterGivenAsAnHttpDate() {
            AtomicInteger calls = new AtomicInteger();
            api.route("/", exchange -> {
                if (calls.incrementAndGet() == 1) {
                    exchange.getResponseHeaders().add("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME
                            .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(1)));
                    ProbeServer.respond(exchange, 429);
                } else {
                    ProbeServer.respond(exchange, 200, "application/json",
                            "{\"Title\":\"Copper Valley\",\"imdbRating\":\"7.4\",\"Response\":\"True\"}");
                }
            });

            assertThat(provider().findRatings(movie("Copper Valley", 2019))).contains(new RatingPair(Rating.of(7.4), null));
            assertThat(api.requestsTo("/")).isEqualTo(2);
        }

        @Test
        void malformedJsonMakesTheProviderUnavailableWithoutLeakingTheKey() {
            omdbAnswers(200, "<html>Bad gateway</html>");

            assertThatThrownBy(() -> provider().findRatings(movie("Copper Valley", 2019)))
                    .isInstanceOf(RatingProviderUnavailableException.class)
                    .hasMessageContaining("malformed JSON")
                    .message().doesNotContain(KEY);
        }

        @Test
        void aMissingKeyIsRefusedBeforeAnyRequest() {
            assertThatThrownBy(() -> new OmdbRatingProvider(http, settings(null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("API key");
            assertThat(api.received()).isEmpty();
        }
    }

    @Test
    void anUnreachableProviderIsUnavailableAfterItsAttempts() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RatingApiSettings closed = RatingApiSettings.of(URI.create("http://127.0.0.1:" + port), KEY)
                .withRetries(2, Duration.ofMillis(10), Duration.ofSeconds(1));

        assertThatThrownBy(() -> new KinopoiskRatingProvider(http, closed).findRatings(movie("Copper Valley", 2019)))
                .isInstanceOf(RatingProviderUnavailableException.class)
                .hasMessageContaining("cannot reach kinopoisk").hasMessageContaining("2 attempts");
    }

    @Test
    void theGuardKeepsTheProviderOffPrivateAddressesUnlessAllowed() {
        kinopoiskAnswers(DOCS);
        try (OutboundHttp guarded = new OutboundHttp(OutboundHttpSettings.defaults())) {
            KinopoiskRatingProvider provider = new KinopoiskRatingProvider(guarded, settings(KEY));

            assertThatThrownBy(() -> provider.findRatings(movie("Copper Valley", 2019)))
                    .isInstanceOf(RatingProviderUnavailableException.class).hasMessageContaining(OutboundHttpSettings.ALLOW_PRIVATE_TARGETS);
        }
        assertThat(api.received()).isEmpty();
    }

    @Test
    void theRandomPlaceholderSaysSoAndStaysBetweenFiveAndNine() {
        RandomRatingProvider random = new RandomRatingProvider(new SplittableRandom(42));

        assertThat(random.isPlaceholder()).isTrue();
        for (int i = 0; i < 1000; i++) {
            RatingPair pair = random.findRatings(movie("Anything", null)).orElseThrow();
            assertThat(pair.imdb().value()).isBetween(5.0, 9.0);
            assertThat(pair.kinopoisk().value()).isBetween(5.0, 9.0);
        }
    }

    @Test
    void retryAfterReadsSecondsAndDates() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

        assertThat(RatingApiClient.retryAfter("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RatingApiClient.retryAfter("Tue, 24 Nov 2026 12:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RatingApiClient.retryAfter("Tue, 24 Nov 2026 11:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RatingApiClient.retryAfter("soon", clock)).isEmpty();
        assertThat(RatingApiClient.retryAfter("-5", clock)).isEmpty();
    }
}
