package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.out.SourceRepository;
import java.util.List;

/**
 * Sources walked by id; check outcomes stored in one write. A check of a source that is gone is ignored; a
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
                }
            }
            return null;
        });
    }
}
