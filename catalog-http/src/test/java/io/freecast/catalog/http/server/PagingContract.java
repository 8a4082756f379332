package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyset pagination end to end: follow {@code Link rel="next"} from the first page to the last, then
 * {@code rel="prev"} all the way back, and find every item exactly once, in the list's order, both ways.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PagingContract {

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

    record Walk(List<List<Long>> pages, long total) {
        List<Long> ids() {
            return pages.stream().flatMap(List::stream).toList();
        }
    }

    /** Follows one rel from {@code start} until a page has none. */
    Walk walk(String start, String rel) {
        List<List<Long>> pages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = start;
        long total = -1;
        while (next != null) {
            assertThat(seen.add(next)).as("the %s link %s came round again", rel, next).isTrue();
            ApiClient.Answer answer = api.get(next);
            assertThat(answer.status()).as("GET %s: %s", next, answer).isEqualTo(200);
            long pageTotal = Long.parseLong(answer.header("X-Total-Count").orElseThrow());
            assertThat(total == -1 || total == pageTotal).as("X-Total-Count is the same on every page").isTrue();
            total = pageTotal;
            List<Long> ids = new ArrayList<>();
            answer.json().forEach(item -> ids.add(item.get("id").asLong()));
            pages.add(ids);
            Map<String, String> links = answer.links();
            assertThat(links).containsKey("first");
            next = links.get(rel);
            assertThat(pages.size()).as("runaway paging").isLessThan(10_000);
        }
        return new Walk(pages, total);
    }

    /** Forward to the end, then back to the start; both walks must agree with one big page. */
    void assertPagesCoverTheListOnceBothWays(String list, int limit, int expectedTotal) {
        String separator = list.contains("?") ? "&" : "?";
        List<Long> whole = new ArrayList<>();
        api.get(list + separator + "limit=500").json().forEach(item -> whole.add(item.get("id").asLong()));
        assertThat(whole).hasSize(expectedTotal);

        Walk forward = walk(list + separator + "limit=" + limit, "next");

        assertThat(forward.total()).isEqualTo(expectedTotal);
        assertThat(forward.ids()).as("forward: every item once, in order").isEqualTo(whole);
        assertThat(forward.pages()).allSatisfy(page -> assertThat(page.size()).isLessThanOrEqualTo(limit));
        assertThat(forward.pages().subList(0, forward.pages().size() - 1))
                .allSatisfy(page -> assertThat(page).hasSize(limit));

        String lastPage = lastPageLink(list + separator + "limit=" + limit);
        Walk backward = walk(lastPage, "prev");
        List<List<Long>> backwardPages = new ArrayList<>(backward.pages());
        Collections.reverse(backwardPages);
        assertThat(backwardPages.stream().flatMap(List::stream).toList()).as("backward: every item once, in order")
                .isEqualTo(whole);
        assertThat(new HashSet<>(forward.ids())).hasSize(expectedTotal);
    }

    private String lastPageLink(String first) {
        String link = first;
        String last = first;
        while (link != null) {
            last = link;
            link = api.get(link).links().get("next");
        }
        return last;
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "-id", "title", "-title", "release_date", "-release_date", "release_year",
            "-release_year", "imdb_rating", "-imdb_rating", "kinopoisk_rating", "-kinopoisk_rating"})
    void moviesPageThroughHundredsWithNoGapOrRepeat(String sort) {
        assertPagesCoverTheListOnceBothWays("/movies/?sort=" + sort, 17, seed.movies);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "-title", "release_date", "-imdb_rating", "kinopoisk_rating"})
    void showsPageThroughWithNoGapOrRepeat(String sort) {
        assertPagesCoverTheListOnceBothWays("/shows?sort=" + sort, 9, seed.shows);
    }

    @Test
    void theDefaultOrderAndPageSizeApply() {
        ApiClient.Answer first = api.get("/movies/");

        assertThat(first.json().size()).isEqualTo(50);
        assertThat(first.links().get("next")).startsWith("/movies/?cursor=");
        assertThat(first.links()).doesNotContainKey("prev");
        assertPagesCoverTheListOnceBothWays("/movies", 50, seed.movies);
    }

    @Test
    void aSearchPagesThroughItsOwnMatchesOnly() {
        long matches = api.get("/movies/?q=valley&limit=500").json().size();

        assertThat(matches).isGreaterThan(6);
        assertPagesCoverTheListOnceBothWays("/movies/?q=valley&sort=title", 4, (int) matches);
    }

    @Test
    void aShowsEpisodesPageThroughInSeasonOrder() {
        JsonNode show = null;
        for (JsonNode candidate : api.get("/shows/?limit=500").json()) {
            int episodes = 0;
            for (JsonNode season : candidate.get("seasons")) {
                episodes += season.get("episodes").size();
            }
            if (episodes >= 8) {
                show = candidate;
                break;
            }
        }
        assertThat(show).as("a show with at least 8 episodes").isNotNull();
        long id = show.get("id").asLong();
        int total = api.get("/shows/" + id + "/episodes?limit=500").json().size();

        assertPagesCoverTheListOnceBothWays("/shows/" + id + "/episodes", 3, total);
        int secondSeason = show.get("seasons").get(1).get("episodes").size();
        assertPagesCoverTheListOnceBothWays("/shows/" + id + "/episodes?season=2", 1, secondSeason);
    }

    @Test
    void linksKeepTheListsParametersAndDropUnknownOnes() {
        Map<String, String> links = api.get("/movies/?limit=5&sort=-title&q=copper&utm_source=x").links();

        assertThat(links.get("next")).startsWith("/movies/?limit=5&sort=-title&q=copper&cursor=")
                .doesNotContain("utm_source");
        assertThat(links.get("first")).isEqualTo("/movies/?limit=5&sort=-title&q=copper");
    }

    @Test
    void aCursorOnlyContinuesTheOrderItCameFrom() {
        String next = api.get("/movies/?limit=5&sort=title").links().get("next");
        String cursor = next.substring(next.indexOf("cursor=") + "cursor=".length());

        ApiClient.Answer answer = api.get("/movies/?limit=5&sort=-imdb_rating&cursor=" + cursor);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("parameter").asText()).isEqualTo("cursor");
        assertThat(api.get("/shows/1/episodes?cursor=" + cursor).status()).isEqualTo(400);
    }
}
