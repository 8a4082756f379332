package io.freecast.catalog.scheduler;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.port.out.TaskLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The lease contract of {@link TaskLeases} kept in memory, for unit tests of scheduling logic only (the
 * real one lives in the database; the PostgreSQL test uses that).
 */
final class InMemoryTaskLeases implements TaskLeases {

    private record Lease(String node, Instant until) {
    }

    private final Map<TaskName, Lease> live = new HashMap<>();
    private final Set<String> claimedSlots = new HashSet<>();

    @Override
    public synchronized boolean tryClaim(TaskName task, Instant slot, String node, Instant now, Duration leaseFor) {
        Lease current = live.get(task);
        if (current != null && current.until().isAfter(now)) {
            return false;
        }
        if (!claimedSlots.add(task + "@" + slot)) {
            return false;
        }
        live.put(task, new Lease(node, now.plus(leaseFor)));
        return true;
    }

    @Override
    public synchronized void release(TaskName task, String node) {
        Lease current = live.get(task);
        if (current != null && current.node().equals(node)) {
            live.remove(task);
        }
    }
}
