package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.out.SourceRepository;
import io.freecast.catalog.port.out.Transactions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;

/**
 * The link-check side of sources: keyset walks by id and by due time, and check results written as one JDBC
 * batch.
 */
final class JooqSourceRepository implements SourceRepository {

    private final DSLContext dsl;
    private final Transactions transactions;

    JooqSourceRepository(DSLContext dsl, Transactions transactions) {
        this.dsl = dsl;
        this.transactions = transactions;
    }

    @Override
    public List<Source> listAfter(long afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, got " + limit);
        }
        return dsl.selectFrom(SOURCE).where(SOURCE.ID.gt(afterId)).orderBy(SOURCE.ID).limit(limit).fetch(Rows::source);
    }

    @Override
    public List<DueSource> listDue(Instant dueBefore, CheckCursor after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, got " + limit);
        }
        return dsl.selectFrom(SOURCE).where(due(dueBefore, after))
                .orderBy(SOURCE.CHECK_DUE_AT, SOURCE.ID).limit(limit)
                .fetch(r -> new DueSource(Rows.source(r), Rows.fromDb(r.get(SOURCE.CHECK_DUE_AT))));
    }

    @Override
    public long countDue(Instant dueBefore, CheckCursor after) {
        return dsl.fetchCount(SOURCE, due(dueBefore, after));
    }

    /** Due before {@code dueBefore} and beyond the cursor in (due time, id) order: a range of ix_source_check_due. */
    private static Condition due(Instant dueBefore, CheckCursor after) {
        LocalDateTime afterDue = Rows.toDb(after.checkDueAt());
        return SOURCE.CHECK_DUE_AT.lt(Rows.toDb(dueBefore))
                .and(Keyset.beyond(SOURCE.CHECK_DUE_AT, afterDue, SOURCE.ID, after.sourceId(), false, false));
    }

    @Override
    public void saveChecks(List<SourceCheck> checks) {
        if (checks.isEmpty()) {
            return;
        }
        List<Object[]> binds = checks.stream().map(c -> new Object[] {c.active(), Rows.toDb(c.state().lastCheckedAt()),
                c.state().lastStatus(), c.state().consecutiveFailures(), c.state().lastError(), Rows.toDb(c.checkDueAt()),
                c.sourceId()}).toList();
        transactions.inTransaction(() -> {
            Batches.executeBatch(dsl, dsl.update(SOURCE)
                    // A source switched on or off by hand keeps that state (the rule is the core's; this guards
                    // against a lock set while the check ran).
                    .set(SOURCE.IS_ACTIVE, DSL.when(SOURCE.LOCKED_FIELDS.like(DSL.inline(LockedColumn.pattern("is_active"))),
                            SOURCE.IS_ACTIVE).otherwise(DSL.val((Boolean) null, SOURCE.IS_ACTIVE)))
                    .set(SOURCE.LAST_CHECKED_AT, (LocalDateTime) null)
                    .set(SOURCE.LAST_STATUS, (Integer) null)
                    .set(SOURCE.CONSECUTIVE_FAILURES, (Integer) null)
                    .set(SOURCE.LAST_ERROR, (String) null)
                    .set(SOURCE.CHECK_DUE_AT, (LocalDateTime) null)
                    .where(SOURCE.ID.eq((Long) null)), binds);
            return null;
        });
    }
}
