package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.TombstoneQuery;
import io.freecast.catalog.port.out.Tombstones;
import io.freecast.catalog.testing.KeysetPages.Row;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Tombstones in the in-memory tables, joining the caller's transaction. As in the database, a season's,
 * episode's or source's tombstone names a parent that exists (a foreign key) and goes when the parent is
 * deleted; a season's or episode's identity is its number. Listed newest first (by id), paged by keyset.
 */
final class InMemoryTombstones implements Tombstones {

    static final String ORDER = "-id";

    private final InMemoryTransactions transactions;
    private final Sequence ids;

    InMemoryTombstones(InMemoryTransactions transactions, Sequence ids) {
        this.transactions = transactions;
        this.ids = ids;
    }

    @Override
    public long add(Tombstone t) {
        Objects.requireNonNull(t, "tombstone");
        ItemRef<?> parent = switch (t.kind()) {
            case SHOW, MOVIE -> null;
            case SEASON -> parent(t, ItemKind.SHOW);
            case EPISODE -> parent(t, ItemKind.SEASON);
            case SOURCE -> {
                ItemKind owner = Objects.requireNonNull(t.parent(), "a source's tombstone names its owner").kind();
                yield parent(t, owner == ItemKind.MOVIE ? ItemKind.MOVIE : ItemKind.EPISODE);
            }
        };
        String identity = t.kind() == ItemKind.SEASON || t.kind() == ItemKind.EPISODE
                ? Integer.toString(Integer.parseInt(t.identity())) : t.identity();
        return transactions.write(tables -> {
            if (parent != null && !parentExists(tables, parent)) {
                throw new IllegalStateException("foreign key of the tombstone's parent violated: no " + parent);
            }
            long id = ids.next();
            tables.tombstones.put(id, new Tombstone(id, t.kind(), parent, identity, t.label(), t.deletedAt(),
                    t.deletedBy()));
            return id;
        });
    }

    private static ItemRef<?> parent(Tombstone t, ItemKind expected) {
        if (t.parent() == null || t.parent().kind() != expected) {
            throw new IllegalArgumentException("a " + t.kind().wireName() + "'s tombstone names its "
                    + expected.wireName() + ", got " + t.parent());
        }
        return t.parent();
    }

    private static boolean parentExists(InMemoryTables tables, ItemRef<?> parent) {
        return switch (parent.kind()) {
            case SHOW -> tables.shows.containsKey(parent.id());
            case SEASON -> tables.seasons.containsKey(parent.id());
            case EPISODE -> tables.episodes.containsKey(parent.id());
            case MOVIE -> tables.movies.containsKey(parent.id());
            case SOURCE -> false;
        };
    }

    @Override
    public Page<Tombstone> list(TombstoneQuery query) {
        Cursor cursor = query.page().cursor();
        if (cursor != null && !cursor.sort().equals(ORDER)) {
            throw new IllegalArgumentException("cursor does not belong to the tombstone list; start again without it");
        }
        return transactions.read(tables -> {
            var order = KeysetPages.<Tombstone>order(true);
            List<Row<Tombstone>> rows = tables.tombstones.descendingMap().values().stream()
                    .filter(t -> query.kind() == null || t.kind() == query.kind())
                    .map(t -> KeysetPages.row(t, null, t.id())).toList();
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
