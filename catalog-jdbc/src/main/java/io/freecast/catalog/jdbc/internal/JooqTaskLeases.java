package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.TaskName;
import io.freecast.catalog.port.out.TaskLeases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jooq.DSLContext;

import static io.freecast.catalog.jdbc.internal.schema.Tables.TASK_LEASE;

/**
 * Leases as one row per task, claimed by a single atomic statement: insert the row, or take it over
 * only if the slot is newer than the last one claimed and the current lease has expired (or is this
 * node's own). The database's row lock on the conflicting row makes the check and the write one step,
 * so two nodes racing for one slot can never both see "1 row changed".
 */
final class JooqTaskLeases implements TaskLeases {

    /** A released lease ends at the dawn of time: any later claim finds it expired. */
    private static final LocalDateTime RELEASED = LocalDateTime.of(1970, 1, 1, 0, 0);

    private final DSLContext dsl;
    private final WriteGate gate;

    /** @param dsl a context of its own: a claim never joins the caller's transaction */
    JooqTaskLeases(DSLContext dsl, WriteGate gate) {
        this.dsl = dsl;
        this.gate = gate;
    }

    @Override
    public boolean tryClaim(TaskName task, Instant slot, String node, Instant now, Duration leaseFor) {
        return claim(WriteGate.Writer.QUEUED, task, slot, node, now, leaseFor);
    }

    /** On SQLite, refused after the gate's short wait rather than queued behind an import ({@link WriteGate}). */
    @Override
    public boolean tryClaimInteractively(TaskName task, Instant slot, String node, Instant now, Duration leaseFor) {
        return claim(WriteGate.Writer.INTERACTIVE, task, slot, node, now, leaseFor);
    }

    private boolean claim(WriteGate.Writer writer, TaskName task, Instant slot, String node, Instant now,
                          Duration leaseFor) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(now, "now");
        if (leaseFor == null || leaseFor.isNegative() || leaseFor.isZero()) {
            throw new IllegalArgumentException("leaseFor must be positive, got " + leaseFor);
        }
        LocalDateTime slotAt = Rows.toDb(slot);
        LocalDateTime nowAt = Rows.toDb(now);
        LocalDateTime until = Rows.toDb(now.plus(leaseFor));
        int changed = gate.writeOutsideTransaction("a task lease", writer, () -> dsl.insertInto(TASK_LEASE, TASK_LEASE.TASK, TASK_LEASE.HOLDER,
                        TASK_LEASE.LEASE_UNTIL, TASK_LEASE.LAST_SLOT)
                .values(task.wireName(), node, until, slotAt)
                .onConflict(TASK_LEASE.TASK)
                .doUpdate()
                .set(TASK_LEASE.HOLDER, node)
                .set(TASK_LEASE.LEASE_UNTIL, until)
                .set(TASK_LEASE.LAST_SLOT, slotAt)
                .where(TASK_LEASE.LAST_SLOT.lt(slotAt)
                        .and(TASK_LEASE.LEASE_UNTIL.le(nowAt).or(TASK_LEASE.HOLDER.eq(node))))
                .execute());
        return changed == 1;
    }

    @Override
    public void release(TaskName task, String node) {
        gate.writeOutsideTransaction("a task lease", () -> dsl.update(TASK_LEASE)
                .set(TASK_LEASE.LEASE_UNTIL, RELEASED)
                .where(TASK_LEASE.TASK.eq(task.wireName()).and(TASK_LEASE.HOLDER.eq(node)))
                .execute());
    }
}
