package io.freecast.catalog.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.TaskReport;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.testing.Drafts;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.port.in.UpdateRatingsUseCase.UpdateRatingsCommand;
import io.freecast.catalog.port.out.RatingProvider;
import io.freecast.catalog.port.out.RatingTarget;
import io.freecast.catalog.port.out.RatingTarget.RatingPair;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * update-ratings end to end: the real kinopoisk and OMDb adapters against a loopback stub of their API,
 * the real use-case and a real catalog (SQLite and PostgreSQL).
 */
abstract class UpdateRatingsRunsContract {

    /** A fresh database of the engine the subclass tests. */
    abstract TestDatabase newDatabase(Path dir);


    @TempDir
    Path dir;

    private final ProbeServer api = ProbeServer.start();
    private final OutboundHttp http = new OutboundHttp(OutboundHttpSettings.defaults().withAllowPrivateTargets(true));
    private TestDatabase database;
    private JdbcCatalogStore store;

    /** The stub's catalogue: title → kinopoisk doc. */
    private static final Map<String, String> KNOWN = Map.of(
            "Copper Valley", "{\"id\":1,\"name\":\"Copper Valley\",\"year\":2019,\"type\":\"movie\","
                    + "\"rating\":{\"kp\":7.3,\"imdb\":7.0}}",
            "Rated Film", "{\"id\":2,\"name\":\"Rated Film\",\"year\":2001,\"type\":\"movie\","
                    + "\"rating\":{\"kp\":8.1,\"imdb\":8.0}}",
            "Night Shift", "{\"id\":4,\"name\":\"Ночная смена\",\"alternativeName\":\"Night Shift\",\"year\":2018,"
                    + "\"type\":\"tv-series\",\"rating\":{\"kp\":8.4,\"imdb\":8.2}}",
            "Remake", "{\"id\":3,\"name\":\"Remake\",\"year\":1960,\"type\":\"movie\","
                    + "\"rating\":{\"kp\":9.0,\"imdb\":9.0}}");

    @BeforeEach
    void setUp() {
        database = newDatabase(dir);
        store = database.open();
        store.ports().transactions().inTransaction(() -> store.ports().movies().upsertAll(List.of(
                movie("1", "Copper Valley", 2019, null),
                movie("2", "Rated Film", 2001, 6.6),
                movie("3", "Nobody Knows This Film", 2020, null),
                movie("4", "Remake", 2012, null))));
        store.ports().transactions().inTransaction(() -> store.ports().shows().upsertAll(List.of(
                Drafts.show("s1", "Night Shift", null, LocalDate.of(2018, 3, 1), List.of())), List.of()));
        kinopoiskKnows(KNOWN);
    }

    @AfterEach
    void tearDown() {
        api.close();
        http.close();
        if (database != null) {
            database.close();
        }
    }

    @Test
    void ratesWhatTheApiKnowsAndLeavesTheRestUnknown() {
        TaskReport report = run(kinopoisk(), Duration.ofHours(24));

        assertThat(report.succeeded()).as(report.error()).isTrue();
        assertThat(report.counts()).containsExactly(Map.entry("checked", 5L), Map.entry("updated", 3L),
                Map.entry("unchanged", 0L), Map.entry("not_found", 2L), Map.entry("skipped", 0L),
                Map.entry("written", 5L), Map.entry("left", 0L));
        Map<String, RatingTarget> titles = titles();
        assertThat(titles.get("Copper Valley").current()).isEqualTo(new RatingPair(Rating.of(7.0), Rating.of(7.3)));
        // shows are rated like movies, found by their alternative name
        assertThat(titles.get("Night Shift").kind()).isEqualTo(RatingTarget.TitleKind.SHOW);
        assertThat(titles.get("Night Shift").current()).isEqualTo(new RatingPair(Rating.of(8.2), Rating.of(8.4)));
        // the feed's IMDb rating stays; kinopoisk's is added
        assertThat(titles.get("Rated Film").current()).isEqualTo(new RatingPair(Rating.of(6.6), Rating.of(8.1)));
        // unknown stays unknown: never 0, never random — and a remake of another year is not taken
        assertThat(titles.get("Nobody Knows This Film").current()).isEqualTo(RatingPair.UNKNOWN);
        assertThat(titles.get("Remake").current()).isEqualTo(RatingPair.UNKNOWN);
        assertThat(titles.values()).allSatisfy(t -> assertThat(t.checked()).isNotEqualTo(RatingTarget.CheckedAt.NEVER));
    }

    @Test
    void progressIsToldHowManyTitlesWereAsked() {
        List<Long> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        Catalog catalog = Catalog.builder().storage(store).ratingProvider(kinopoisk()).build();

        catalog.updateRatings(new UpdateRatingsCommand(Duration.ZERO, told::add));

        assertThat(told).isNotEmpty().isSorted();
        assertThat(told.get(told.size() - 1)).isEqualTo(5L);
    }

    @Test
    void titlesRatedRecentlyAreSkippedAndTheApiIsNotAskedAgain() {
        run(kinopoisk(), Duration.ofHours(24));
        int asked = api.received().size();

        TaskReport again = run(kinopoisk(), Duration.ofHours(24));

        assertThat(again.counts()).containsEntry("checked", 0L).containsEntry("skipped", 5L);
        assertThat(api.received()).hasSize(asked);

        TaskReport all = run(kinopoisk(), Duration.ZERO);
        assertThat(all.counts()).containsEntry("checked", 5L).containsEntry("unchanged", 3L)
                .containsEntry("not_found", 2L).containsEntry("skipped", 0L);
    }

    @Test
    void aProviderThatFailsHalfWayFailsTheRunKeepsWhatItAnsweredAndSaysWhatIsLeft() {
        AtomicInteger calls = new AtomicInteger();
        api.route("/v1.4/movie/search", exchange -> {
            if (calls.incrementAndGet() == 1) {
                ProbeServer.respond(exchange, 200, "application/json", "{\"docs\":[" + KNOWN.get("Night Shift")
                        + "],\"total\":1,\"limit\":10,\"page\":1,\"pages\":1}");
            } else {
                ProbeServer.respond(exchange, 502);
            }
        });
        Map<String, RatingTarget> before = titles();

        TaskReport report = run(kinopoisk(), Duration.ofHours(24));

        assertThat(report.succeeded()).isFalse();
        assertThat(report.error()).contains("HTTP 502").contains("attempts")
                .endsWith("; the ratings of 1 title written by this run are kept; 4 due titles are left for the next run");
        assertThat(report.counts()).containsEntry("written", 1L).containsEntry("left", 4L);
        Map<String, RatingTarget> after = titles();
        // The show is walked first: its answer (received before the API failed) is written, the rest is as before.
        assertThat(after.get("Night Shift").current()).isEqualTo(new RatingPair(Rating.of(8.2), Rating.of(8.4)));
        after.remove("Night Shift");
        before.remove("Night Shift");
        assertThat(after).isEqualTo(before);
        assertThat(store.ports().taskRuns().findLatest(report.task())).hasValueSatisfying(
                run -> assertThat(run.error()).contains("HTTP 502").contains("4 due titles are left"));
    }

    @Test
    void malformedJsonFailsTheRunAndChangesNothing() {
        api.route("/v1.4/movie/search", exchange -> ProbeServer.respond(exchange, 200, "application/json", "{\"docs\":["));
        Map<String, RatingTarget> before = titles();

        TaskReport report = run(kinopoisk(), Duration.ZERO);

        assertThat(report.succeeded()).isFalse();
        assertThat(report.error()).contains("malformed JSON");
        assertThat(titles()).isEqualTo(before);
    }

    @Test
    void omdbGivesImdbRatingsAndNotApplicableStaysUnknown() {
        api.route("/", exchange -> {
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            String body = query.contains("t=Copper Valley")
                    ? "{\"Title\":\"Copper Valley\",\"imdbRating\":\"7.6\",\"Response\":\"True\"}"
                    : query.contains("t=Rated Film")
                    ? "{\"Title\":\"Rated Film\",\"imdbRating\":\"N/A\",\"Response\":\"True\"}"
                    : "{\"Response\":\"False\",\"Error\":\"Movie not found!\"}";
            ProbeServer.respond(exchange, 200, "application/json", body);
        });
        RatingProvider omdb = new OmdbRatingProvider(http, settings("omdb-key"));

        TaskReport report = run(omdb, Duration.ZERO);

        assertThat(report.counts()).containsEntry("updated", 1L).containsEntry("not_found", 4L);
        Map<String, RatingTarget> titles = titles();
        assertThat(titles.get("Copper Valley").current()).isEqualTo(new RatingPair(Rating.of(7.6), null));
        assertThat(titles.get("Rated Film").current()).isEqualTo(new RatingPair(Rating.of(6.6), null));
    }

    @Test
    void thePlaceholderProviderSaysItsRatingsAreNotReal() {
        TaskReport report = run(new RandomRatingProvider(new SplittableRandom(7)), Duration.ZERO);

        assertThat(report.counts()).containsEntry("updated", 5L);
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).contains("placeholders"));
        assertThat(titles().values()).allSatisfy(t -> {
            assertThat(t.current().imdb().value()).isBetween(5.0, 9.0);
            assertThat(t.current().kinopoisk().value()).isBetween(5.0, 9.0);
        });
    }

    private TaskReport run(RatingProvider provider, Duration staleAfter) {
        Catalog catalog = Catalog.builder().storage(store).ratingProvider(provider).build();
        return catalog.updateRatings(new UpdateRatingsCommand(staleAfter));
    }

    private RatingProvider kinopoisk() {
        return new KinopoiskRatingProvider(http, settings("kp-key"));
    }

    private RatingApiSettings settings(String key) {
        return RatingApiSettings.of(api.uri(""), key).withRequestsPerSecond(0)
                .withRetries(2, Duration.ofMillis(10), Duration.ofSeconds(2));
    }

    private void kinopoiskKnows(Map<String, String> known) {
        api.route("/v1.4/movie/search", exchange -> {
            String title = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("query=".length()),
                    StandardCharsets.UTF_8);
            String doc = known.get(title);
            ProbeServer.respond(exchange, 200, "application/json", "{\"docs\":[" + (doc == null ? "" : doc)
                    + "],\"total\":" + (doc == null ? 0 : 1) + ",\"limit\":10,\"page\":1,\"pages\":1}");
        });
    }

    private Map<String, RatingTarget> titles() {
        return store.ports().ratings().listDue(Instant.now().plusSeconds(3600), null, 100).stream()
                .collect(Collectors.toMap(RatingTarget::title, Function.identity()));
    }

    private static MovieDraft movie(String id, String title, int year, Double imdb) {
        return new MovieDraft(new FeedKey("id:" + id), id, null, title, null, null, null, year,
                Rating.ofNullable(imdb), null, List.of());
    }
}
