package io.freecast.catalog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecentSearchTotalsTest {

    @Test
    void remembersTheLatestTotalOfEachSearchWithItsCounter() {
        RecentSearchTotals totals = new RecentSearchTotals(10);
        assertThat(totals.get("night")).isNull();

        totals.remember("night", 1_000, 7);
        totals.remember("night", 990, 8);
        totals.remember("amelie", -1, 8);

        assertThat(totals.get("night")).isEqualTo(new RecentSearchTotals.Counted(990, 8));
        assertThat(totals.get("amelie")).isEqualTo(new RecentSearchTotals.Counted(-1, 8));
        assertThat(totals.size()).isEqualTo(2);
    }

    @Test
    void forgetsTheLeastRecentlyAskedSearchBeyondItsCapacity() {
        RecentSearchTotals totals = new RecentSearchTotals(3);
        totals.remember("a", 1, 0);
        totals.remember("b", 2, 0);
        totals.remember("c", 3, 0);
        totals.get("a");

        totals.remember("d", 4, 0);

        assertThat(totals.get("b")).as("the least recently asked").isNull();
        assertThat(totals.get("a")).isNotNull();
        assertThat(totals.get("c")).isNotNull();
        assertThat(totals.get("d")).isNotNull();
        assertThat(totals.size()).isEqualTo(3);
    }

    @Test
    void manySearchesFromManyThreadsStayWithinTheCapacity() throws InterruptedException {
        RecentSearchTotals totals = new RecentSearchTotals(RecentSearchTotals.CAPACITY);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        IntStream.range(0, 4).forEach(t -> threads.execute(() -> {
            for (int i = 0; i < 20_000; i++) {
                String searched = "x".repeat(200) + t + ":" + i;
                totals.remember(searched, i, t);
                totals.get(searched);
            }
        }));
        threads.shutdown();
        assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        assertThat(totals.size()).isEqualTo(RecentSearchTotals.CAPACITY);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new RecentSearchTotals(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
