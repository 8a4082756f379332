package io.freecast.catalog.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pacing arithmetic, on a fake clock that only sleeping moves: no real time, no timing assertions. */
class RequestPacerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> sleeps = new ArrayList<>();

    private RequestPacer pacer(double perSecond) {
        return new RequestPacer(perSecond, now::get, nanos -> {
            sleeps.add(nanos / 1_000_000);
            now.addAndGet(nanos);
        });
    }

    @Test
    void spacesBackToBackRequestsByOneIntervalEach() throws InterruptedException {
        RequestPacer fourPerSecond = pacer(4);

        for (int i = 0; i < 5; i++) {
            fourPerSecond.awaitTurn();
        }

        assertThat(sleeps).containsExactly(250L, 250L, 250L, 250L);
    }

    @Test
    void doesNotWaitWhenTheCallerWasSlowerThanTheLimit() throws InterruptedException {
        RequestPacer twoPerSecond = pacer(2);

        twoPerSecond.awaitTurn();
        now.addAndGet(2_000_000_000L);
        twoPerSecond.awaitTurn();

        assertThat(sleeps).isEmpty();
    }

    @Test
    void zeroLiftsTheLimit() throws InterruptedException {
        RequestPacer unlimited = pacer(0);

        for (int i = 0; i < 100; i++) {
            unlimited.awaitTurn();
        }

        assertThat(sleeps).isEmpty();
    }
}
