package io.freecast.catalog.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.jdbc.testing.TestDatabase;
import io.freecast.catalog.testing.Drafts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search with more matches than {@link ListQuery#SEARCH_COUNT_CAP} over HTTP: no {@code X-Total-Count}
 * (it would be a guess), while its {@code Link} headers still lead through every match once, and each of
 * its pages costs the statements a counted search's page costs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UncountedSearchContract {

    /** Enough "Lighthouse n" that the word, two letters of it and one match more titles than the cap. */
    private static final int LIGHTHOUSES = ListQuery.SEARCH_COUNT_CAP + 100;

    final CatalogSeed seed = CatalogSeed.standard();
    SeededServer server;

    abstract TestDatabase database(Path dir);

    @BeforeAll
    void startServer(@TempDir Path dir) {
        server = SeededServer.start(database(dir), seed);
        server.store.ports().movies().upsertAll(IntStream.range(0, LIGHTHOUSES)
                .mapToObj(i -> Drafts.movie("lighthouse-" + i, "Lighthouse " + i)).toList());
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Every id a search's Link rel="next" chain leads to, checking each page's X-Total-Count on the way. */
    private List<Long> walk(String first, boolean counted) {
        List<Long> ids = new ArrayList<>();
        String next = first;
        int pages = 0;
        while (next != null && pages++ < 1_000) {
            ApiClient.Answer answer = server.api.get(next);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("X-Total-Count").isPresent()).as("X-Total-Count sent on %s", next).isEqualTo(counted);
            answer.json().forEach(item -> ids.add(item.get("id").asLong()));
            next = answer.links().get("next");
        }
        return ids;
    }

    private int matches(String q) {
        return walk("/movies/?limit=500&q=" + q, matchesAtMostTheCap(q)).size();
    }

    private boolean matchesAtMostTheCap(String q) {
        return server.api.get("/movies/?limit=1&q=" + q).header("X-Total-Count").isPresent();
    }

    @Test
    void aSearchBeyondTheCapHasNoTotalAndPagesThroughEveryMatchOnce() {
        for (String q : List.of("lighthouse", "LIGHT", "gh", "h")) {
            assertThat(matchesAtMostTheCap(q)).as("q=%s matches more than the cap", q).isFalse();
            for (String sort : List.of("id", "-id", "title", "-imdb_rating")) {
                List<Long> ids = walk("/movies/?limit=97&sort=" + sort + "&q=" + q, false);
                assertThat(ids).as("q=%s sort=%s", q, sort).hasSize(matches(q)).doesNotHaveDuplicates();
                assertThat(ids.size()).isGreaterThan(ListQuery.SEARCH_COUNT_CAP);
            }
        }
    }

    @Test
    void aSearchAtMostTheCapHasItsExactTotal() {
        ApiClient.Answer answer = server.api.get("/movies/?limit=3&q=zebra");
        long total = Long.parseLong(answer.header("X-Total-Count").orElseThrow());

        assertThat(total).isPositive().isLessThanOrEqualTo(ListQuery.SEARCH_COUNT_CAP);
        assertThat(walk("/movies/?limit=500&q=zebra", true)).hasSize((int) total);
        assertThat(server.api.get("/movies/?limit=3").header("X-Total-Count")).as("the whole list is never capped")
                .contains(Integer.toString(seed.movies + LIGHTHOUSES));
    }

    @Test
    void anUncountedSearchsPagesCostWhatACountedOnesCost() {
        String next = server.api.get("/movies/?limit=2&q=lighthouse").links().get("next");
        int counted = server.statementsDuring(() -> server.api.get("/movies/?limit=2&q=zebra"));
        int first = server.statementsDuring(() -> server.api.get("/movies/?limit=2&q=lighthouse"));
        int later = server.statementsDuring(() -> server.api.get(next));

        assertThat(first).isEqualTo(counted).isLessThanOrEqualTo(StatementCountContract.MOST_STATEMENTS_PER_REQUEST);
        assertThat(later).isEqualTo(counted);
        assertThat(new HashSet<>(List.of(first, later, counted))).hasSize(1);
    }
}
