package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference ran a query per season, per episode and per source. Here the number of SQL statements a
 * request costs (counted by the store's statement listener) is the same for the smallest and the largest
 * answer of every endpoint, and small.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StatementCountContract {

    /** A generous bound: page, total, children — a handful, whatever the answer's size. */
    static final int MOST_STATEMENTS_PER_REQUEST = 6;

    SeededServer server;
    List<JsonNode> shows;
    List<JsonNode> movies;

    abstract TestDatabase database(Path dir);

    @BeforeAll
    void startServer(@TempDir Path dir) {
        server = SeededServer.start(database(dir), CatalogSeed.standard());
        shows = items(server.api.get("/shows/?limit=500").json());
        movies = items(server.api.get("/movies/?limit=500").json());
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    int cost(String path) {
        return server.statementsDuring(() ->
                assertThat(server.api.get(path).status()).as(path).isEqualTo(200));
    }

    void sameCost(String small, String large) {
        int smallCost = cost(small);
        int largeCost = cost(large);

        assertThat(largeCost).as("%s costs %d statements, %s costs %d", small, smallCost, large, largeCost)
                .isEqualTo(smallCost);
        assertThat(largeCost).isPositive().isLessThanOrEqualTo(MOST_STATEMENTS_PER_REQUEST);
    }

    static int episodes(JsonNode show) {
        int count = 0;
        for (JsonNode season : show.get("seasons")) {
            count += season.get("episodes").size();
        }
        return count;
    }

    private static <T> JsonNode min(List<JsonNode> items, ToIntFunction<JsonNode> size) {
        return items.stream().min(Comparator.comparingInt(size)).orElseThrow();
    }

    private static JsonNode max(List<JsonNode> items, ToIntFunction<JsonNode> size) {
        return items.stream().max(Comparator.comparingInt(size)).orElseThrow();
    }

    @Test
    void aPageOfFiveHundredCostsWhatAPageOfOneCosts() {
        sameCost("/movies/?limit=1", "/movies/?limit=500");
        sameCost("/shows/?limit=1", "/shows/?limit=500");
        sameCost("/movies/?limit=1&sort=-imdb_rating&q=copper", "/movies/?limit=500&sort=-imdb_rating&q=copper");
    }

    @Test
    void aLaterPageCostsWhatTheFirstCosts() {
        String next = server.api.get("/movies/?limit=100&sort=title").links().get("next");
        sameCost("/movies/?limit=100&sort=title", next);
    }

    @Test
    void everyPageOfANullableSortCostsWhatTheFirstCosts() {
        // The known values' pages, the one across their end (a union of index ranges: still one statement),
        // the unknown values' pages, and back: every page of a rating or date order, forwards and backwards.
        for (String sort : List.of("imdb_rating", "-imdb_rating", "release_date", "-kinopoisk_rating")) {
            String first = "/movies/?limit=3&sort=" + sort;
            String page = first;
            int pages = 0;
            String last = first;
            while (page != null) {
                sameCost(first, page);
                last = page;
                page = server.api.get(page).links().get("next");
                pages++;
            }
            assertThat(pages).as("pages of %s", sort).isGreaterThan(1);
            String previous = server.api.get(last).links().get("prev");
            while (previous != null) {
                sameCost(first, previous);
                previous = server.api.get(previous).links().get("prev");
            }
        }
    }

    @Test
    void aSearchCostsWhatAListCostsOnEveryPageWhateverItsLength() {
        String next = server.api.get("/movies/?limit=2&sort=title&q=valley").links().get("next");
        assertThat(next).as("the search has a second page").isNotNull();
        sameCost("/movies/?limit=2&sort=title&q=valley", next);
        sameCost("/movies/?limit=2&sort=title", "/movies/?limit=2&sort=title&q=valley");
        sameCost("/movies/?limit=1&q=va", "/movies/?limit=500&q=va");
        sameCost("/movies/?limit=1&q=%25", "/movies/?limit=500&q=%25");
        sameCost("/shows/?limit=1&q=chronicles", "/shows/?limit=500&q=chronicles");
        String shortNext = server.api.get("/movies/?limit=1&q=e").links().get("next");
        sameCost("/movies/?limit=1&q=e", shortNext);
    }

    @Test
    void aBigShowTreeCostsWhatAnEmptyOneCosts() {
        long empty = min(shows, StatementCountContract::episodes).get("id").asLong();
        long big = max(shows, StatementCountContract::episodes).get("id").asLong();
        assertThat(episodes(max(shows, StatementCountContract::episodes))).isGreaterThanOrEqualTo(8);

        sameCost("/shows/" + empty, "/shows/" + big);
        sameCost("/shows/" + empty + "/seasons", "/shows/" + big + "/seasons");
        sameCost("/shows/" + empty + "/episodes", "/shows/" + big + "/episodes");
    }

    @Test
    void manySourcesCostWhatNoneCost() {
        JsonNode fewest = min(movies, m -> m.get("sources").size());
        JsonNode most = max(movies, m -> m.get("sources").size());
        assertThat(most.get("sources").size()).isGreaterThan(fewest.get("sources").size());

        sameCost("/movies/" + fewest.get("id").asLong(), "/movies/" + most.get("id").asLong());
        sameCost("/movies/" + fewest.get("id").asLong() + "/sources", "/movies/" + most.get("id").asLong() + "/sources");

        List<JsonNode> episodes = new ArrayList<>();
        shows.forEach(show -> show.get("seasons").forEach(season -> season.get("episodes").forEach(episodes::add)));
        JsonNode fewestEpisode = min(episodes, e -> e.get("sources").size());
        JsonNode mostEpisode = max(episodes, e -> e.get("sources").size());
        sameCost("/episodes/" + fewestEpisode.get("id").asLong() + "/sources",
                "/episodes/" + mostEpisode.get("id").asLong() + "/sources");
    }
}
