package io.freecast.catalog.testing;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.port.out.StorageUnavailableException;
import io.freecast.catalog.port.out.TaskLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Task leases in memory, with the database's rule: a claim succeeds only for a slot newer than the last one
 * claimed, and only when the current lease has expired by {@code now} or is the claiming node's own. A lease
 * expires by the time the caller gives (its clock), so a test moves time instead of waiting. Thread-safe: of
 * nodes racing for one slot, exactly one wins.
 */
public final class InMemoryTaskLeases implements TaskLeases {

    private record Lease(String holder, Instant until, Instant lastSlot) {
    }

    private final Map<TaskName, Lease> leases = new EnumMap<>(TaskName.class);

    /**
     * While set, a claim someone waits on is refused as the SQLite store refuses it behind an import
     * ({@link TaskLeases#tryClaimInteractively}); other claims go ahead.
     */
    public volatile boolean busyWithAnImport;

    @Override
    public boolean tryClaimInteractively(TaskName task, Instant slot, String node, Instant now, Duration leaseFor) {
        if (busyWithAnImport) {
            throw new StorageUnavailableException("busy with an import", Duration.ofSeconds(10), null);
        }
        return tryClaim(task, slot, node, now, leaseFor);
    }

    @Override
    public synchronized boolean tryClaim(TaskName task, Instant slot, String node, Instant now, Duration leaseFor) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(now, "now");
        if (leaseFor == null || leaseFor.isNegative() || leaseFor.isZero()) {
            throw new IllegalArgumentException("leaseFor must be positive, got " + leaseFor);
        }
        Lease current = leases.get(task);
        boolean free = current == null || (current.lastSlot().isBefore(slot)
                && (!current.until().isAfter(now) || current.holder().equals(node)));
        if (free) {
            leases.put(task, new Lease(node, now.plus(leaseFor), slot));
        }
        return free;
    }

    @Override
    public synchronized void release(TaskName task, String node) {
        Lease current = leases.get(task);
        if (current != null && current.holder().equals(node)) {
            leases.put(task, new Lease(node, Instant.EPOCH, current.lastSlot()));
        }
    }

    /** Who holds the task's lease at {@code now}, if anyone. */
    public synchronized java.util.Optional<String> holder(TaskName task, Instant now) {
        Lease current = leases.get(task);
        return current != null && current.until().isAfter(now) ? java.util.Optional.of(current.holder())
                : java.util.Optional.empty();
    }
}
