package io.freecast.catalog.application;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.Versioned;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.NotPermittedException;
import io.freecast.catalog.port.out.AuditTrail;
import io.freecast.catalog.port.out.HandEdits;
import io.freecast.catalog.port.out.Tombstones;
import io.freecast.catalog.port.out.Transactions;
import java.time.Clock;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * What every hand edit does around its own change: check the caller's scope, run in one transaction, lock
 * the item's tree and check the caller's expectation against the item as it is now, and write the audit
 * entries in the same transaction.
 */
final class EditSupport {

    final Transactions transactions;
    final HandEdits edits;
    final Tombstones tombstones;
    final AuditTrail audit;
    final Clock clock;

    EditSupport(Transactions transactions, HandEdits edits, Tombstones tombstones, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.edits = edits;
        this.tombstones = tombstones;
        this.audit = audit;
        this.clock = clock;
    }

    static void require(Caller caller, Scope needed) {
        if (caller == null) {
            throw new IllegalArgumentException("an edit needs a caller");
        }
        if (!caller.may(needed)) {
            throw new NotPermittedException(caller, needed);
        }
    }

    /** A new audit record for an edit by {@code caller}, timed now. */
    AuditRecord record(Caller caller) {
        return new AuditRecord(caller.actor(), clock.instant());
    }

    /**
     * Inside the caller's transaction: locks the item's tree, reads the item, and checks {@code expected}
     * against it.
     *
     * @throws ItemNotFoundException when it does not exist
     * @throws EditConflictException when it does not match, with the item as it is
     */
    <T> T lockAndCheck(ItemRef<T> ref, Versioned<T> expected, LongFunction<Optional<T>> read) {
        if (expected == null) {
            throw new IllegalArgumentException("a change needs the version it expects (Versioned.any() to overwrite)");
        }
        T current = lock(ref, read);
        if (!expected.matches(current)) {
            throw new EditConflictException(ref.kind().wireName() + " " + ref.id(), current);
        }
        return current;
    }

    /** Locks the item's tree and reads the item. */
    <T> T lock(ItemRef<T> ref, LongFunction<Optional<T>> read) {
        lockTree(ref);
        return read.apply(ref.id()).orElseThrow(() -> new ItemNotFoundException(ref.kind().wireName(), ref.id()));
    }

    /** Locks the item's tree (before adding to it). */
    void lockTree(ItemRef<?> ref) {
        if (!edits.lock(ref)) {
            throw new ItemNotFoundException(ref.kind().wireName(), ref.id());
        }
    }

    /** Appends the record's entries, if any, in the current transaction. */
    void write(AuditRecord record) {
        if (!record.isEmpty()) {
            audit.append(record.entries());
        }
    }

    /** Leaves a tombstone for a feed's item deleted (or moved) by hand. */
    void tombstone(Caller caller, AuditRecord record, Tombstone tombstone) {
        tombstones.add(new Tombstone(0, tombstone.kind(), tombstone.parent(), tombstone.identity(), tombstone.label(),
                record.at(), caller.actor().label()));
    }
}
