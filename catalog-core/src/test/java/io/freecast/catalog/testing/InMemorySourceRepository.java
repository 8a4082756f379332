package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.out.SourceRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sources walked by id or by when their next check is due; check outcomes stored in one write. A check of a source that is gone is ignored; a
 * source whose {@code is_active} is locked by hand keeps its active flag.
 */
final class InMemorySourceRepository implements SourceRepository {

    private final InMemoryTransactions transactions;

    InMemorySourceRepository(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<Source> listAfter(long afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, got " + limit);
        }
        return transactions.read(tables -> tables.sources.tailMap(afterId, false).values().stream().limit(limit)
                .toList());
    }

    @Override
    public List<DueSource> listDue(Instant dueBefore, CheckCursor after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, got " + limit);
        }
        return transactions.read(tables -> due(tables, dueBefore, after).limit(limit).toList());
    }

    @Override
    public long countDue(Instant dueBefore, CheckCursor after) {
        return transactions.read(tables -> due(tables, dueBefore, after).count());
    }

    /** The database's walk: due time, then id, both after the cursor — a scan here, an index there. */
    private static Stream<DueSource> due(InMemoryTables tables, Instant dueBefore, CheckCursor after) {
        return tables.sources.values().stream()
                .map(source -> new DueSource(source, tables.checkDueAt(source.id())))
                .filter(due -> due.checkDueAt().isBefore(dueBefore))
                .filter(due -> WALK_ORDER.compare(due.cursor(), after) > 0)
                .sorted(Comparator.comparing(DueSource::cursor, WALK_ORDER));
    }

    private static final Comparator<CheckCursor> WALK_ORDER =
            Comparator.comparing(CheckCursor::checkDueAt).thenComparingLong(CheckCursor::sourceId);

    @Override
    public void saveChecks(List<SourceCheck> checks) {
        if (checks.isEmpty()) {
            return;
        }
        transactions.write(tables -> {
            for (SourceCheck check : checks) {
                Source s = tables.sources.get(check.sourceId());
                if (s != null) {
                    // A source switched on or off by hand keeps that state; the check's findings are still kept.
                    boolean active = s.activeLockedByHand() ? s.active() : check.active();
                    tables.putSource(new Source(s.id(), s.owner(), s.url(), s.type(), s.provider(), active,
                            check.state(), s.lockedFields()));
                    tables.sourceCheckDue.put(s.id(), check.checkDueAt());
                }
            }
            return null;
        });
    }
}
