package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.freecast.catalog.domain.FeedKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path and field of the read API over a real server and a real store (run on SQLite, PostgreSQL and
 * the in-memory store of catalog-core's fixtures by the subclasses): the reference's names and nesting, the filters, sorts and search.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReadApiContract {

    static final Set<String> SHOW_FIELDS = Set.of("id", "title", "description", "image", "release_date",
            "imdb_rating", "kinopoisk_rating", "locked_fields", "seasons");
    static final Set<String> SEASON_FIELDS = Set.of("id", "number", "description", "locked_fields", "episodes");
    static final Set<String> EPISODE_FIELDS = Set.of("id", "number", "title", "description", "release_date",
            "season_number", "locked_fields", "sources");
    static final Set<String> MOVIE_FIELDS = Set.of("id", "title", "description", "image", "release_date",
            "release_year", "imdb_rating", "kinopoisk_rating", "locked_fields", "sources");
    static final Set<String> SOURCE_FIELDS = Set.of("id", "url", "source_type", "is_active", "provider",
            "last_checked_at", "last_status", "locked_fields");

    final CatalogSeed seed = CatalogSeed.standard();
    SeededServer server;
    ApiClient api;

    /** A server over a freshly seeded store of the kind under test. */
    abstract SeededServer serve(Path dir, CatalogSeed seed);

    @BeforeAll
    void startServer(@TempDir Path dir) {
        server = serve(dir, seed);
        api = server.api;
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    JsonNode ok(String path) {
        ApiClient.Answer answer = api.get(path);
        assertThat(answer.status()).as("GET %s: %s", path, answer).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        return answer.json();
    }

    static List<JsonNode> items(JsonNode array) {
        assertThat(array.isArray()).as("a JSON array: %s", array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode knownShow() {
        return items(ok("/shows/?limit=500")).stream()
                .filter(show -> show.get("title").asText().equals(CatalogSeed.KNOWN_SHOW_TITLE)).findFirst().orElseThrow();
    }

    JsonNode knownMovie() {
        return items(ok("/movies/?limit=500")).stream()
                .filter(movie -> movie.get("title").asText().equals(CatalogSeed.KNOWN_MOVIE_TITLE)).findFirst().orElseThrow();
    }

    @Test
    void theShowListHasEveryShowWithTheReferencesFieldsAndNesting() {
        ApiClient.Answer answer = api.get("/shows/?limit=500");
        List<JsonNode> shows = items(answer.json());

        assertThat(shows).hasSize(seed.shows);
        assertThat(answer.header("X-Total-Count")).contains(Integer.toString(seed.shows));
        for (JsonNode show : shows) {
            assertThat(fields(show)).isEqualTo(SHOW_FIELDS);
            for (JsonNode season : show.get("seasons")) {
                assertThat(fields(season)).isEqualTo(SEASON_FIELDS);
                for (JsonNode episode : season.get("episodes")) {
                    assertThat(fields(episode)).isEqualTo(EPISODE_FIELDS);
                    assertThat(episode.get("season_number").asInt()).isEqualTo(season.get("number").asInt());
                    episode.get("sources").forEach(source -> assertThat(fields(source)).isEqualTo(SOURCE_FIELDS));
                }
            }
        }
    }

    @Test
    void aShowCarriesItsValuesTreeAndUnknownsAsNull() {
        JsonNode show = knownShow();

        assertThat(show.get("id").isIntegralNumber()).isTrue();
        assertThat(show.get("description").asText()).isEqualTo("A known show.");
        assertThat(show.get("image").asText()).isEqualTo("https://img.example.com/copper.jpg");
        assertThat(show.get("release_date").asText()).isEqualTo("2019-09-01");
        assertThat(show.get("imdb_rating").asDouble()).isEqualTo(8.8);
        assertThat(show.get("kinopoisk_rating").isNull()).as("unknown is null, never 0").isTrue();
        List<JsonNode> seasons = items(show.get("seasons"));
        assertThat(seasons).extracting(s -> s.get("number").asInt()).containsExactly(1, 2);
        assertThat(seasons.get(0).get("description").asText()).isEqualTo("The first season.");
        assertThat(seasons.get(1).get("description").isNull()).isTrue();
        List<JsonNode> first = items(seasons.get(0).get("episodes"));
        assertThat(first).extracting(e -> e.get("title").asText()).containsExactly("Pilot", "Second");
        assertThat(first.get(0).get("release_date").asText()).isEqualTo("2019-09-01");
        assertThat(first.get(0).get("description").asText()).isEqualTo("It begins.");
        assertThat(first.get(1).get("release_date").isNull()).isTrue();
        JsonNode playlist = items(first.get(0).get("sources")).get(1);
        assertThat(playlist.get("url").asText()).isEqualTo("https://cdn.example.com/s-known-1-1/1.m3u8");
        assertThat(playlist.get("source_type").asText()).isEqualTo("playlist");
        assertThat(playlist.get("provider").isNull()).isTrue();
        assertThat(playlist.get("is_active").isBoolean()).isTrue();
    }

    @Test
    void oneShowSeasonsAndEpisodesAnswerTheSameTreeAtEveryPath() {
        JsonNode show = knownShow();
        long id = show.get("id").asLong();

        assertThat(ok("/shows/" + id)).isEqualTo(show);
        assertThat(ok("/shows/" + id + "/")).isEqualTo(show);
        assertThat(ok("/shows/" + id + "/seasons")).isEqualTo(show.get("seasons"));
        assertThat(ok("/shows/" + id + "/seasons/")).isEqualTo(show.get("seasons"));
        List<JsonNode> flat = new ArrayList<>();
        show.get("seasons").forEach(season -> season.get("episodes").forEach(flat::add));
        assertThat(items(ok("/shows/" + id + "/episodes"))).isEqualTo(flat);
        assertThat(items(ok("/shows/" + id + "/episodes/"))).isEqualTo(flat);
    }

    /**
     * The exact bytes of an episode list (the known show's three episodes and six sources): member order,
     * {@code null}s, dates, times, booleans and empty sets as the API writes them. Only the ids are the
     * store's own; each source's link-check state follows from its id as {@link CatalogSeed} set it.
     */
    @Test
    void anEpisodeListIsWrittenByteForByte() {
        long id = knownShow().get("id").asLong();
        ApiClient.Answer answer = api.get("/shows/" + id + "/episodes");
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> episodes = items(answer.json());
        assertThat(episodes).hasSize(3);

        String expected = "[" + episodeJson(episodes.get(0), 1, "\"Pilot\"", "\"It begins.\"", "\"2019-09-01\"", 1,
                "s-known-1-1", 2)
                + "," + episodeJson(episodes.get(1), 2, "\"Second\"", "null", "null", 1, "s-known-1-2", 1)
                + "," + episodeJson(episodes.get(2), 1, "\"Return\"", "\"Back again.\"", "\"2020-09-01\"", 2,
                "s-known-2-1", 3) + "]";
        assertThat(answer.text()).isEqualTo(expected);
    }

    private static String episodeJson(JsonNode actual, int number, String title, String description, String releaseDate,
                                      int seasonNumber, String sourceKey, int sourceCount) {
        List<JsonNode> sources = items(actual.get("sources"));
        assertThat(sources).hasSize(sourceCount);
        List<String> written = new ArrayList<>();
        for (int n = 0; n < sourceCount; n++) {
            long sourceId = sources.get(n).get("id").asLong();
            boolean dead = sourceId % 5 == 0;
            boolean checked = dead || sourceId % 5 == 1;
            written.add("{\"id\":" + sourceId
                    + ",\"url\":\"https://cdn.example.com/" + sourceKey + "/" + n + (n % 2 == 0 ? ".mp4" : ".m3u8") + "\""
                    + ",\"source_type\":\"" + (n % 2 == 0 ? "direct" : "playlist") + "\""
                    + ",\"is_active\":" + !dead
                    + ",\"provider\":" + (n % 2 == 0 ? "\"Provider " + n + "\"" : "null")
                    + ",\"last_checked_at\":" + (checked ? "\"2026-11-20T06:00:00Z\"" : "null")
                    + ",\"last_status\":" + (dead ? "404" : checked ? "200" : "null")
                    + ",\"locked_fields\":[]}");
        }
        return "{\"id\":" + actual.get("id").asLong() + ",\"number\":" + number + ",\"title\":" + title
                + ",\"description\":" + description + ",\"release_date\":" + releaseDate
                + ",\"season_number\":" + seasonNumber + ",\"locked_fields\":[],\"sources\":["
                + String.join(",", written) + "]}";
    }

    @Test
    void episodesAreFlatInSeasonThenNumberOrderAndCarryTheirSeasonNumber() {
        long id = knownShow().get("id").asLong();

        List<JsonNode> episodes = items(ok("/shows/" + id + "/episodes"));

        assertThat(episodes).extracting(e -> e.get("season_number").asInt() + "x" + e.get("number").asInt())
                .containsExactly("1x1", "1x2", "2x1");
        assertThat(items(ok("/shows/" + id + "/episodes?season=2")))
                .extracting(e -> e.get("title").asText()).containsExactly("Return");
        assertThat(items(ok("/shows/" + id + "/episodes?season=9"))).isEmpty();
    }

    @Test
    void episodeSourcesAnswerAtBothPathsAndFilterByActive() {
        JsonNode episode = knownShow().get("seasons").get(1).get("episodes").get(0);
        long id = episode.get("id").asLong();

        JsonNode sources = ok("/episodes/" + id + "/sources");

        assertThat(sources).isEqualTo(episode.get("sources"));
        assertThat(ok("/shows/episodes/" + id + "/sources")).isEqualTo(sources);
        assertThat(ok("/shows/episodes/" + id + "/sources/")).isEqualTo(sources);
        assertActiveFilter("/episodes/" + id + "/sources", sources);
    }

    @Test
    void aMovieCarriesItsValuesAndSources() {
        JsonNode movie = knownMovie();

        assertThat(fields(movie)).isEqualTo(MOVIE_FIELDS);
        assertThat(movie.get("description").asText()).isEqualTo("A known movie.");
        assertThat(movie.get("image").asText()).isEqualTo("https://img.example.com/amelie.jpg");
        assertThat(movie.get("release_date").asText()).isEqualTo("2001-04-25");
        assertThat(movie.get("release_year").asInt()).isEqualTo(2001);
        assertThat(movie.get("imdb_rating").asDouble()).isEqualTo(8.3);
        assertThat(movie.get("kinopoisk_rating").asDouble()).isEqualTo(7.9);
        assertThat(items(movie.get("sources"))).extracting(s -> s.get("source_type").asText() + " " + s.get("provider").asText())
                .containsExactlyInAnyOrder("playlist Tubi", "direct Netflix");
        long id = movie.get("id").asLong();
        assertThat(ok("/movies/" + id)).isEqualTo(movie);
        assertThat(ok("/movies/" + id + "/")).isEqualTo(movie);
        assertThat(ok("/movies/" + id + "/sources")).isEqualTo(movie.get("sources"));
    }

    @Test
    void movieListHasEveryMovieWithTheReferencesFields() {
        ApiClient.Answer answer = api.get("/movies?limit=500");
        List<JsonNode> movies = items(answer.json());

        assertThat(movies).hasSize(seed.movies);
        assertThat(answer.header("X-Total-Count")).contains(Integer.toString(seed.movies));
        movies.forEach(movie -> {
            assertThat(fields(movie)).isEqualTo(MOVIE_FIELDS);
            movie.get("sources").forEach(source -> assertThat(fields(source)).isEqualTo(SOURCE_FIELDS));
        });
        assertThat(movies).anySatisfy(movie -> assertThat(movie.get("imdb_rating").isNull()).isTrue());
        assertThat(movies).anySatisfy(movie -> assertThat(movie.get("release_year").isNull()).isTrue());
        assertThat(movies).allSatisfy(movie -> assertThat(movie.get("imdb_rating").asDouble(1)).isNotZero());
    }

    @Test
    void linkCheckStateIsShownOnEverySource() {
        List<JsonNode> sources = new ArrayList<>();
        items(ok("/movies/?limit=500")).forEach(movie -> movie.get("sources").forEach(sources::add));

        assertThat(sources).anySatisfy(source -> {
            assertThat(source.get("is_active").asBoolean()).isFalse();
            assertThat(source.get("last_status").asInt()).isEqualTo(404);
            assertThat(source.get("last_checked_at").asText()).isEqualTo(CatalogSeed.CHECKED_AT.toString());
        });
        assertThat(sources).anySatisfy(source -> {
            assertThat(source.get("is_active").asBoolean()).isTrue();
            assertThat(source.get("last_checked_at").isNull()).isTrue();
        });
    }

    @Test
    void movieSourcesFilterByActive() {
        JsonNode withInactive = items(ok("/movies/?limit=500")).stream()
                .filter(m -> items(m.get("sources")).stream().anyMatch(s -> !s.get("is_active").asBoolean())
                        && items(m.get("sources")).stream().anyMatch(s -> s.get("is_active").asBoolean()))
                .findFirst().orElseThrow();

        assertActiveFilter("/movies/" + withInactive.get("id").asLong() + "/sources", withInactive.get("sources"));
    }

    private void assertActiveFilter(String path, JsonNode all) {
        List<JsonNode> active = items(ok(path + "?active=true"));
        List<JsonNode> inactive = items(ok(path + "?active=false"));

        assertThat(active).allSatisfy(s -> assertThat(s.get("is_active").asBoolean()).isTrue());
        assertThat(inactive).allSatisfy(s -> assertThat(s.get("is_active").asBoolean()).isFalse());
        assertThat(active.size() + inactive.size()).isEqualTo(all.size());
        assertThat(items(all)).containsAll(active).containsAll(inactive);
    }

    @Test
    void missingResourcesAre404Problems() {
        for (String path : List.of("/shows/999999", "/shows/999999/seasons", "/shows/999999/episodes",
                "/episodes/999999/sources", "/shows/episodes/999999/sources", "/movies/999999",
                "/movies/999999/sources", "/movies/9223372036854775807")) {
            ApiClient.Answer answer = api.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.json().get("status").asInt()).isEqualTo(404);
            String id = path.replaceAll("\\D+", " ").strip().split(" ")[0];
            assertThat(answer.json().get("detail").asText()).contains(id, "does not exist");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "-id", "title", "-title", "release_date", "-release_date", "release_year",
            "-release_year", "imdb_rating", "-imdb_rating", "kinopoisk_rating", "-kinopoisk_rating"})
    void moviesSortByEveryAllowedFieldUnknownsLastTiesById(String sort) {
        assertSorted(items(ok("/movies/?limit=500&sort=" + sort)), sort, seed.movies);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "-id", "title", "-title", "release_date", "-release_date", "imdb_rating",
            "-imdb_rating", "kinopoisk_rating", "-kinopoisk_rating"})
    void showsSortByEveryAllowedFieldUnknownsLastTiesById(String sort) {
        assertSorted(items(ok("/shows/?limit=500&sort=" + sort)), sort, seed.shows);
    }

    @Test
    void showsCannotSortByAMovieOnlyField() {
        ApiClient.Answer answer = api.get("/shows/?sort=release_year");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("parameter").asText()).isEqualTo("sort");
    }

    /** Checks the order of a whole list: by the field (nulls last either way), then by id in the same direction. */
    static void assertSorted(List<JsonNode> items, String sort, int expectedSize) {
        assertThat(items).hasSize(expectedSize);
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        Comparator<JsonNode> byId = Comparator.comparingLong(item -> item.get("id").asLong());
        Comparator<JsonNode> byValue = (a, b) -> {
            JsonNode x = a.get(field);
            JsonNode y = b.get(field);
            if (x.isNull() || y.isNull()) {
                return 0; // nulls are checked apart, below
            }
            return switch (field) {
                case "title" -> FeedKey.normaliseTitle(x.asText()).compareTo(FeedKey.normaliseTitle(y.asText()));
                case "release_date" -> x.asText().compareTo(y.asText());
                default -> Double.compare(x.asDouble(), y.asDouble());
            };
        };
        Comparator<JsonNode> order = descending ? byValue.reversed().thenComparing(byId.reversed())
                : byValue.thenComparing(byId);
        boolean seenNull = false;
        for (int i = 0; i < items.size(); i++) {
            boolean isNull = items.get(i).get(field).isNull();
            assertThat(!isNull && seenNull).as("%s: a known value after an unknown one at %d", sort, i).isFalse();
            seenNull |= isNull;
            if (i > 0) {
                JsonNode previous = items.get(i - 1);
                JsonNode current = items.get(i);
                if (previous.get(field).isNull() == current.get(field).isNull()) {
                    assertThat(order.compare(previous, current)).as("%s: %s before %s", sort, previous.get("id"),
                            current.get("id")).isLessThan(0);
                }
            }
        }
    }

    @Test
    void searchFindsTitlesIgnoringCaseAndAccents() {
        List<JsonNode> copper = items(ok("/movies/?limit=500&q=copper"));
        long expected = seed.movieDrafts().stream()
                .filter(m -> FeedKey.normaliseTitle(m.title()).contains("copper")).count();

        assertThat(copper).hasSize((int) expected).isNotEmpty();
        assertThat(items(ok("/movies/?limit=500&q=AMELIE"))).extracting(m -> m.get("title").asText())
                .contains(CatalogSeed.KNOWN_MOVIE_TITLE)
                .allSatisfy(title -> assertThat(FeedKey.normaliseTitle(title)).contains("amelie"));
        assertThat(items(ok("/movies/?limit=500&q=%C3%A9clair"))).isNotEmpty()
                .allSatisfy(m -> assertThat(FeedKey.normaliseTitle(m.get("title").asText())).contains("eclair"));
        assertThat(items(ok("/shows/?limit=500&q=chronicles"))).extracting(s -> s.get("title").asText())
                .containsExactly(CatalogSeed.KNOWN_SHOW_TITLE);
        assertThat(api.get("/movies/?q=copper&limit=1").header("X-Total-Count")).contains(Long.toString(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%25", "_", "%27%20OR%201%3D1%20--", "%22%3B%20DROP%20TABLE%20movie%3B%20--",
            "%5C", "*", "zzzz-not-a-title"})
    void searchTreatsWildcardsAndSqlAsPlainText(String q) {
        ApiClient.Answer answer = api.get("/movies/?q=" + q);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(items(answer.json())).isEmpty();
        assertThat(answer.header("X-Total-Count")).contains("0");
        assertThat(items(ok("/movies/?limit=500"))).hasSize(seed.movies);
    }

    @Test
    void searchCombinesWithSort() {
        List<JsonNode> valley = items(ok("/movies/?limit=500&q=valley&sort=-imdb_rating"));

        assertThat(valley).isNotEmpty()
                .allSatisfy(m -> assertThat(FeedKey.normaliseTitle(m.get("title").asText())).contains("valley"));
        assertSorted(valley, "-imdb_rating", valley.size());
    }
}
