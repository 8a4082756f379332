package io.freecast.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.port.out.TaskLeases;
import io.freecast.catalog.testing.InMemoryTaskLeases;
import io.freecast.catalog.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The heartbeat keeps a running task's lease past its first expiry, and gives up once another node has it. */
class LeaseHeartbeatTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final TaskName TASK = TaskName.UPDATE_RATINGS;
    /** The shortest lease: a beat every 50 ms. */
    private static final Duration LEASE = Duration.ofMillis(150);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryTaskLeases leases = new InMemoryTaskLeases();

    /** Counts the heartbeat's claims, so a test waits for a beat instead of for time. */
    private final class Counting implements TaskLeases {
        final CountDownLatch beats;

        Counting(int beats) {
            this.beats = new CountDownLatch(beats);
        }

        @Override
        public boolean tryClaim(TaskName task, Instant slot, String node, Instant now, Duration leaseFor) {
            boolean claimed = leases.tryClaim(task, slot, node, now, leaseFor);
            beats.countDown();
            return claimed;
        }

        @Override
        public void release(TaskName task, String node) {
            leases.release(task, node);
        }
    }

    @Test
    void aLongRunKeepsItsLeaseBeyondTheFirstExpiry() throws InterruptedException {
        assertThat(leases.tryClaim(TASK, T0, "runner", T0, LEASE)).isTrue();
        clock.advance(Duration.ofMillis(100));
        Counting counting = new Counting(1);

        LeaseHeartbeat heartbeat = LeaseHeartbeat.start(counting, TASK, "runner", clock, LEASE);
        try {
            assertThat(counting.beats.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            heartbeat.stop();
        }

        Instant afterFirstExpiry = T0.plus(LEASE).plusMillis(10);
        assertThat(leases.holder(TASK, afterFirstExpiry)).contains("runner");
        assertThat(leases.tryClaim(TASK, afterFirstExpiry, "other", afterFirstExpiry, LEASE)).isFalse();
    }

    @Test
    void aNodeWhoseLeaseAnotherNodeTookOverDoesNotTakeItBack() throws InterruptedException {
        assertThat(leases.tryClaim(TASK, T0, "runner", T0, LEASE)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(leases.tryClaim(TASK, clock.instant(), "other", clock.instant(), Duration.ofMinutes(5))).isTrue();
        Counting counting = new Counting(1);

        LeaseHeartbeat heartbeat = LeaseHeartbeat.start(counting, TASK, "runner", clock, LEASE);
        try {
            assertThat(counting.beats.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            heartbeat.stop();
        }

        assertThat(leases.holder(TASK, clock.instant())).contains("other");
    }
}
