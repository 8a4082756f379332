package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.TombstoneQuery;
import io.freecast.catalog.port.out.Tombstones;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Tombstones in memory, newest first by id, joining the caller's transaction like every write. */
final class InMemoryTombstones implements Tombstones {

    private static final String ORDER = "-id";

    private final InMemoryTransactions transactions;
    private final Sequence ids;

    InMemoryTombstones(InMemoryTransactions transactions, Sequence ids) {
        this.transactions = transactions;
        this.ids = ids;
    }

    @Override
    public long add(Tombstone t) {
        return transactions.write(tables -> {
            long id = ids.next();
            tables.tombstones.put(id, new Tombstone(id, t.kind(), t.parent(), t.identity(), t.label(), t.deletedAt(),
                    t.deletedBy()));
            return id;
        });
    }

    @Override
    public Page<Tombstone> list(TombstoneQuery query) {
        PageRequest page = query.page();
        Cursor cursor = page.cursor();
        if (cursor != null && !cursor.sort().equals(ORDER)) {
            throw new IllegalArgumentException("cursor does not belong to the tombstone list; start again without it");
        }
        return transactions.read(tables -> {
            List<Tombstone> all = new ArrayList<>(tables.tombstones.descendingMap().values().stream()
                    .filter(t -> query.kind() == null || t.kind() == query.kind()).toList());
            boolean backwards = cursor != null && cursor.direction() == Cursor.Direction.BEFORE;
            List<Tombstone> beyond = new ArrayList<>(all.stream()
                    .filter(t -> cursor == null || (backwards ? t.id() > cursor.id() : t.id() < cursor.id())).toList());
            if (backwards) {
                Collections.reverse(beyond);
            }
            List<Tombstone> fetched = beyond.subList(0, Math.min(beyond.size(), page.limit() + 1));
            List<Tombstone> items = new ArrayList<>(fetched.subList(0, Math.min(page.limit(), fetched.size())));
            if (backwards) {
                Collections.reverse(items);
            }
            boolean more = fetched.size() > page.limit();
            Cursor next = items.isEmpty() ? null : backwards || more
                    ? new Cursor(ORDER, Cursor.Direction.AFTER, null, items.getLast().id()) : null;
            Cursor previous = items.isEmpty() ? null : (backwards ? more : cursor != null)
                    ? new Cursor(ORDER, Cursor.Direction.BEFORE, null, items.getFirst().id()) : null;
            return new Page<>(items, next, previous, all.size());
        });
    }

    @Override
    public Optional<Tombstone> remove(long tombstoneId) {
        return transactions.write(tables -> Optional.ofNullable(tables.tombstones.remove(tombstoneId)));
    }

    @Override
    public Set<String> feedKeys(ItemKind kind) {
        return transactions.read(tables -> {
            Set<String> keys = new HashSet<>();
            tables.tombstones.values().stream().filter(t -> t.kind() == kind).forEach(t -> keys.add(t.identity()));
            return keys;
        });
    }
}
