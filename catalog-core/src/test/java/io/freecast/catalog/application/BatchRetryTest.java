package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.port.out.StorageUnavailableException;
import io.freecast.catalog.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A task's batch written again while the storage refuses it for now; time moves on the test's clock. */
class BatchRetryTest {

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(T0);
    private final List<Duration> paused = new ArrayList<>();
    private final BatchRetry retry = new BatchRetry(clock, duration -> {
        paused.add(duration);
        clock.advance(duration);
    });
    private final AtomicInteger runs = new AtomicInteger();

    private static StorageUnavailableException busy() {
        return new StorageUnavailableException("the database is busy (an import); try again in 10 s", RETRY_AFTER, null);
    }

    /** A batch refused the first {@code refusals} times it runs, then written. */
    private Runnable refusedFirst(int refusals) {
        return () -> {
            if (runs.incrementAndGet() <= refusals) {
                throw busy();
            }
        };
    }

    @Test
    void aBatchRefusedForNowIsWrittenAgainAfterTheWaitTheStorageAskedFor() {
        retry.write(refusedFirst(2));

        assertThat(runs).hasValue(3);
        assertThat(paused).containsExactly(RETRY_AFTER, RETRY_AFTER);
    }

    @Test
    void aBatchStillRefusedWhenThePatienceIsSpentEndsWithTheRefusal() {
        assertThatThrownBy(() -> retry.write(refusedFirst(Integer.MAX_VALUE)))
                .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("busy");

        assertThat(BatchRetry.PATIENCE).isEqualTo(Duration.ofMinutes(10));
        assertThat(clock.instant()).isEqualTo(T0.plus(BatchRetry.PATIENCE));
        assertThat(runs).hasValue(61);
    }

    @Test
    void anyOtherFailureEndsAtOnce() {
        assertThatThrownBy(() -> retry.write(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("constraint broken");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(runs).hasValue(1);
        assertThat(paused).isEmpty();
    }

    @Test
    void aRunAskedToStopWhileItWaitsStopsWithoutWritingAgain() {
        RunUnderWay run = RunUnderWay.beginOnCurrentThread(TaskName.VALIDATE_SOURCES, 1, T0);
        BatchRetry stoppedWhileWaiting = new BatchRetry(clock, duration -> run.requestStop("the server is stopping"));
        try {
            assertThatThrownBy(() -> stoppedWhileWaiting.write(refusedFirst(1)))
                    .isInstanceOf(RunStoppedException.class);
        } finally {
            Thread.interrupted(); // the stop interrupted this thread
            run.endOnWorker();
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void anInterruptedWaitEndsWithTheRefusalAndKeepsTheInterrupt() {
        BatchRetry interrupted = new BatchRetry(clock, duration -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(() -> interrupted.write(refusedFirst(1))).isInstanceOf(StorageUnavailableException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(runs).hasValue(1);
    }
}
