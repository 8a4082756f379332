package io.freecast.catalog.port.out;

import io.freecast.catalog.domain.TaskName;
import java.time.Duration;
import java.time.Instant;

/**
 * Who may run a task now, when several nodes share one database.
 *
 * <p>A claim is for one scheduled slot: for each (task, slot) at most one node ever gets {@code true},
 * and never while another node's lease on the task is still live. A lease that is not released (its
 * node died) expires after {@code leaseFor}, so a dead node never blocks a task for longer.
 *
 * <p>Slots only move forward: a claim succeeds only for a slot newer than the last one claimed for the
 * task. A node holding a live lease keeps it alive while its run goes on (a heartbeat) by claiming a
 * newer slot, the current time, for itself: that succeeds because no other node's lease is live, and
 * fails once another node has taken the task over after the lease expired.
 */
public interface TaskLeases {

    /** Tries to claim the run of {@code task} planned for {@code slot}; true if this node must run it. */
    boolean tryClaim(TaskName task, Instant slot, String node, Instant now, Duration leaseFor);

    /**
     * {@link #tryClaim} for a run someone asked for and is waiting on (a trigger over HTTP, the admin's "run
     * now"): like {@link Transactions#inInteractiveTransaction}, the storage may refuse it after a short wait with
     * a {@link StorageUnavailableException} rather than queue it behind a long write. The default never refuses.
     */
    default boolean tryClaimInteractively(TaskName task, Instant slot, String node, Instant now, Duration leaseFor) {
        return tryClaim(task, slot, node, now, leaseFor);
    }

    /** Gives the lease up early, when the run has ended. Does nothing if {@code node} no longer holds it. */
    void release(TaskName task, String node);
}
