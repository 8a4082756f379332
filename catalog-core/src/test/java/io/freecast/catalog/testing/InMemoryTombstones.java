package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.TombstoneQuery;
import io.freecast.catalog.port.out.Tombstones;
import io.freecast.catalog.testing.KeysetPages.Row;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Tombstones in memory, joining the caller's transaction; listed newest first (by id), as in the database. */
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
        Objects.requireNonNull(t, "tombstone");
        ItemKind expectedParent = switch (t.kind()) {
            case SHOW, MOVIE -> null;
            case SEASON -> ItemKind.SHOW;
            case EPISODE -> ItemKind.SEASON;
            case SOURCE -> t.parent() != null && t.parent().kind() == ItemKind.MOVIE ? ItemKind.MOVIE : ItemKind.EPISODE;
        };
        if (expectedParent != null && (t.parent() == null || t.parent().kind() != expectedParent)) {
            throw new IllegalArgumentException("a " + t.kind().wireName() + "'s tombstone names its "
                    + expectedParent.wireName() + ", got " + t.parent());
        }
        if ((t.kind() == ItemKind.SEASON || t.kind() == ItemKind.EPISODE)) {
            Integer.parseInt(t.identity());
        }
        return transactions.write(tables -> {
            long id = ids.next();
            tables.tombstones.put(id, new Tombstone(id, t.kind(), expectedParent == null ? null : t.parent(),
                    t.identity(), t.label(), t.deletedAt(), t.deletedBy()));
            return id;
        });
    }

    @Override
    public Page<Tombstone> list(TombstoneQuery query) {
        Cursor cursor = query.page().cursor();
        if (cursor != null && !cursor.sort().equals(ORDER)) {
            throw new IllegalArgumentException("cursor does not belong to the tombstone list; start again without it");
        }
        return transactions.read(tables -> {
            var order = KeysetPages.<Tombstone>order(true);
            List<Row<Tombstone>> rows = new ArrayList<>(tables.tombstones.values().stream()
                    .filter(t -> query.kind() == null || t.kind() == query.kind())
                    .map(t -> KeysetPages.row(t, null, t.id())).toList());
            rows.sort(order);
            Row<Tombstone> boundary = cursor == null ? null : KeysetPages.row(null, null, cursor.id());
            return KeysetPages.page(rows, order, query.page(), ORDER, boundary);
        });
    }

    @Override
    public Optional<Tombstone> remove(long tombstoneId) {
        return transactions.write(tables -> Optional.ofNullable(tables.tombstones.remove(tombstoneId)));
    }

    @Override
    public Set<String> feedKeys(ItemKind kind) {
        if (kind != ItemKind.SHOW && kind != ItemKind.MOVIE) {
            throw new IllegalArgumentException("only shows and movies have feed keys, not " + kind.wireName());
        }
        return transactions.read(tables -> {
            Set<String> keys = new HashSet<>();
            tables.tombstones.values().stream().filter(t -> t.kind() == kind).forEach(t -> keys.add(t.identity()));
            return keys;
        });
    }
}
