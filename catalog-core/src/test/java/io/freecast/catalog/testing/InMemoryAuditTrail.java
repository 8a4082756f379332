package io.freecast.catalog.testing;

import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.port.out.AuditTrail;
import io.freecast.catalog.testing.KeysetPages.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit trail in memory. {@link #append} joins the caller's transaction, so entries roll back with the
 * change they record; entries list newest first (time, then id), filtered as the query says.
 */
final class InMemoryAuditTrail implements AuditTrail {

    static final String ORDER = "-at";

    private final InMemoryTransactions transactions;
    private final Sequence ids;

    InMemoryAuditTrail(InMemoryTransactions transactions, Sequence ids) {
        this.transactions = transactions;
        this.ids = ids;
    }

    @Override
    public void append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        transactions.write(tables -> {
            for (AuditEntry e : entries) {
                tables.audit.add(new AuditEntry(ids.next(), e.at(), e.actor(), e.entity(), e.entityId(), e.field(),
                        e.before(), e.after()));
            }
            return null;
        });
    }

    @Override
    public Page<AuditEntry> list(AuditQuery query) {
        Cursor cursor = query.page().cursor();
        if (cursor != null && !cursor.sort().equals(ORDER)) {
            throw new IllegalArgumentException("cursor does not belong to an audit list; start again without it");
        }
        return transactions.read(tables -> {
            var order = KeysetPages.<AuditEntry>order(true);
            List<Row<AuditEntry>> rows = new ArrayList<>(tables.audit.stream().filter(e -> matches(e, query))
                    .map(e -> KeysetPages.row(e, e.at(), e.id())).toList());
            rows.sort(order);
            Row<AuditEntry> boundary = null;
            if (cursor != null) {
                try {
                    boundary = KeysetPages.row(null, Instant.parse(Objects.requireNonNull(cursor.sortValue())),
                            cursor.id());
                } catch (RuntimeException e) {
                    throw KeysetPages.malformedCursor();
                }
            }
            return KeysetPages.page(rows, order, query.page(), ORDER, boundary);
        });
    }

    private static boolean matches(AuditEntry e, AuditQuery q) {
        return (q.entity() == null || q.entity().equals(e.entity()))
                && (q.entityId() == null || q.entityId() == e.entityId())
                && (q.actor() == null || q.actor().equals(e.actor().label()))
                && (q.from() == null || !e.at().isBefore(q.from()))
                && (q.until() == null || e.at().isBefore(q.until()));
    }
}
