package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.port.out.AuditTrail;
import io.freecast.catalog.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import static io.freecast.catalog.jdbc.internal.schema.Tables.AUDIT_ENTRY;

/**
 * The audit trail in the {@code audit_entry} table. Appending goes through the thread's transaction: inside
 * an edit's transaction the entries commit or roll back with the edit; outside one (a security event) they
 * are written in a transaction of their own. Listing is newest first by id (ids grow with time), keyset
 * paged.
 */
final class JooqAuditTrail implements AuditTrail {

    private static final String ORDER = "-id";
    private static final int COLUMNS = 11;

    private final DSLContext dsl;
    private final Transactions transactions;

    JooqAuditTrail(DSLContext dsl, Transactions transactions) {
        this.dsl = dsl;
        this.transactions = transactions;
    }

    @Override
    public void append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        transactions.inTransaction(() -> {
            for (List<AuditEntry> chunk : Batches.chunks(entries, Batches.rowsPerInsert(COLUMNS))) {
                var insert = dsl.insertInto(AUDIT_ENTRY, AUDIT_ENTRY.AT, AUDIT_ENTRY.ACTOR_KIND, AUDIT_ENTRY.ACTOR_ID,
                        AUDIT_ENTRY.ACTOR_NAME, AUDIT_ENTRY.ACTOR_LABEL, AUDIT_ENTRY.CHANNEL, AUDIT_ENTRY.ENTITY,
                        AUDIT_ENTRY.ENTITY_ID, AUDIT_ENTRY.FIELD, AUDIT_ENTRY.VALUE_BEFORE, AUDIT_ENTRY.VALUE_AFTER);
                for (AuditEntry e : chunk) {
                    Actor actor = e.actor();
                    insert = insert.values(Rows.toDb(e.at()), actor.kind().name().toLowerCase(Locale.ROOT), actor.id(),
                            actor.name(), actor.label(), actor.channel().wireName(), e.entity(), e.entityId(), e.field(),
                            e.before(), e.after());
                }
                insert.execute();
            }
            return null;
        });
    }

    @Override
    public Page<AuditEntry> list(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        PageRequest page = query.page();
        Cursor cursor = page.cursor();
        if (cursor != null && !cursor.sort().equals(ORDER)) {
            throw new IllegalArgumentException("cursor does not belong to the audit trail; start again without it");
        }
        boolean descending = !Keyset.backwards(page);
        Condition filter = filter(query);
        Condition keyset = cursor == null ? DSL.noCondition()
                : descending ? AUDIT_ENTRY.ID.lt(cursor.id()) : AUDIT_ENTRY.ID.gt(cursor.id());
        List<AuditEntry> entries = dsl.selectFrom(AUDIT_ENTRY).where(filter).and(keyset)
                .orderBy(Keyset.orderBy(null, AUDIT_ENTRY.ID, descending, false))
                .limit(page.limit() + 1)
                .fetch(JooqAuditTrail::entry);
        long total = dsl.selectCount().from(AUDIT_ENTRY).where(filter).fetchSingle(0, Long.class);
        return Keyset.page(new ArrayList<>(entries), page, ORDER, e -> new Keyset.Boundary(null, e.id()), total);
    }

    private static Condition filter(AuditQuery query) {
        Condition filter = DSL.noCondition();
        if (query.entity() != null) {
            filter = filter.and(AUDIT_ENTRY.ENTITY.eq(query.entity()));
        }
        if (query.entityId() != null) {
            filter = filter.and(AUDIT_ENTRY.ENTITY_ID.eq(query.entityId()));
        }
        if (query.actor() != null) {
            filter = filter.and(AUDIT_ENTRY.ACTOR_LABEL.eq(query.actor()));
        }
        if (query.from() != null) {
            filter = filter.and(AUDIT_ENTRY.AT.ge(Rows.toDb(query.from())));
        }
        if (query.until() != null) {
            filter = filter.and(AUDIT_ENTRY.AT.lt(Rows.toDb(query.until())));
        }
        return filter;
    }

    private static AuditEntry entry(Record r) {
        Actor actor = new Actor(Actor.Kind.valueOf(r.get(AUDIT_ENTRY.ACTOR_KIND).toUpperCase(Locale.ROOT)),
                r.get(AUDIT_ENTRY.ACTOR_ID), r.get(AUDIT_ENTRY.ACTOR_NAME),
                Channel.valueOf(r.get(AUDIT_ENTRY.CHANNEL).toUpperCase(Locale.ROOT)));
        return new AuditEntry(r.get(AUDIT_ENTRY.ID), Rows.fromDb(r.get(AUDIT_ENTRY.AT)), actor, r.get(AUDIT_ENTRY.ENTITY),
                r.get(AUDIT_ENTRY.ENTITY_ID), r.get(AUDIT_ENTRY.FIELD), r.get(AUDIT_ENTRY.VALUE_BEFORE),
                r.get(AUDIT_ENTRY.VALUE_AFTER));
    }
}
