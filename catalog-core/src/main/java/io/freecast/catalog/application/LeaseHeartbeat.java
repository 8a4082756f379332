package io.freecast.catalog.application;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.port.out.TaskLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a running task's lease alive: every third of the lease it claims the current instant as a newer
 * slot for this node (see {@link TaskLeases}). So the lease can be short — a node that dies stops
 * renewing and the task is free again within one lease — while a long run keeps it for as long as it
 * goes on.
 */
final class LeaseHeartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseHeartbeat.class);
    private static final Duration SHORTEST_BEAT = Duration.ofMillis(50);

    private final TaskLeases leases;
    private final TaskName task;
    private final String node;
    private final Clock clock;
    private final Duration leaseFor;
    private final Object lock = new Object();
    private boolean stopped;
    private Thread thread;

    private LeaseHeartbeat(TaskLeases leases, TaskName task, String node, Clock clock, Duration leaseFor) {
        this.leases = leases;
        this.task = task;
        this.node = node;
        this.clock = clock;
        this.leaseFor = leaseFor;
    }

    static LeaseHeartbeat start(TaskLeases leases, TaskName task, String node, Clock clock, Duration leaseFor) {
        LeaseHeartbeat heartbeat = new LeaseHeartbeat(leases, task, node, clock, leaseFor);
        heartbeat.thread = Thread.ofVirtual().name("catalog-lease-" + task.wireName()).start(heartbeat::beat);
        return heartbeat;
    }

    /**
     * Stops renewing. Once this returns no renewal is made any more, so a release that follows is final.
     */
    void stop() {
        synchronized (lock) {
            stopped = true;
        }
        thread.interrupt();
    }

    private void beat() {
        Duration every = leaseFor.dividedBy(3);
        if (every.compareTo(SHORTEST_BEAT) < 0) {
            every = SHORTEST_BEAT;
        }
        while (true) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lock) {
                if (stopped) {
                    return;
                }
                if (!renew()) {
                    return;
                }
            }
        }
    }

    /** @return false when the lease is lost for good (another node has it) */
    private boolean renew() {
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (leases.tryClaim(task, now, node, now, leaseFor)) {
                return true;
            }
            LOG.warn("{}: this node lost the task's lease while running it (paused longer than {}?); "
                    + "another node may run the task now", task, leaseFor);
            return false;
        } catch (RuntimeException e) {
            // The database may come back before the lease ends: keep trying.
            LOG.warn("{}: could not renew the task lease: {}", task, e.toString());
            return true;
        }
    }
}
