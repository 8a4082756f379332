package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.TombstoneQuery;
import io.freecast.catalog.port.out.Tombstones;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import static io.freecast.catalog.jdbc.internal.schema.Tables.TOMBSTONE;

/**
 * Tombstones in their table. A show's or movie's is found by {@code feed_key}; a season's by
 * {@code show_id} and {@code number}, an episode's by {@code season_id} and {@code number}, a source's by
 * its {@code movie_id} or {@code episode_id} and {@code url} — the parent columns are foreign keys, so a
 * child's tombstone goes when its parent row is deleted.
 */
final class JooqTombstones implements Tombstones {

    private static final String ORDER = "-id";

    private final DSLContext dsl;

    JooqTombstones(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public long add(Tombstone t) {
        Objects.requireNonNull(t, "tombstone");
        var insert = dsl.insertInto(TOMBSTONE).set(TOMBSTONE.ENTITY, t.kind().wireName())
                .set(TOMBSTONE.LABEL, t.label()).set(TOMBSTONE.DELETED_AT, Rows.toDb(t.deletedAt()))
                .set(TOMBSTONE.DELETED_BY, t.deletedBy());
        switch (t.kind()) {
            case SHOW, MOVIE -> insert = insert.set(TOMBSTONE.FEED_KEY, t.identity());
            case SEASON -> insert = insert.set(TOMBSTONE.SHOW_ID, parent(t, ItemKind.SHOW))
                    .set(TOMBSTONE.NUMBER, Integer.parseInt(t.identity()));
            case EPISODE -> insert = insert.set(TOMBSTONE.SEASON_ID, parent(t, ItemKind.SEASON))
                    .set(TOMBSTONE.NUMBER, Integer.parseInt(t.identity()));
            case SOURCE -> {
                ItemKind owner = Objects.requireNonNull(t.parent(), "a source's tombstone names its owner").kind();
                insert = owner == ItemKind.MOVIE ? insert.set(TOMBSTONE.MOVIE_ID, parent(t, ItemKind.MOVIE))
                        : insert.set(TOMBSTONE.EPISODE_ID, parent(t, ItemKind.EPISODE));
                insert = insert.set(TOMBSTONE.URL, t.identity());
            }
        }
        return insert.returningResult(TOMBSTONE.ID).fetchSingle().value1();
    }

    private static long parent(Tombstone t, ItemKind expected) {
        if (t.parent() == null || t.parent().kind() != expected) {
            throw new IllegalArgumentException("a " + t.kind().wireName() + "'s tombstone names its "
                    + expected.wireName() + ", got " + t.parent());
        }
        return t.parent().id();
    }

    @Override
    public Page<Tombstone> list(TombstoneQuery query) {
        PageRequest page = query.page();
        Cursor cursor = page.cursor();
        if (cursor != null && !cursor.sort().equals(ORDER)) {
            throw new IllegalArgumentException("cursor does not belong to the tombstone list; start again without it");
        }
        boolean descending = !Keyset.backwards(page);
        Condition filter = query.kind() == null ? DSL.noCondition() : TOMBSTONE.ENTITY.eq(query.kind().wireName());
        Condition keyset = cursor == null ? DSL.noCondition()
                : descending ? TOMBSTONE.ID.lt(cursor.id()) : TOMBSTONE.ID.gt(cursor.id());
        List<Tombstone> rows = dsl.selectFrom(TOMBSTONE).where(filter).and(keyset)
                .orderBy(descending ? TOMBSTONE.ID.desc() : TOMBSTONE.ID.asc())
                .limit(page.limit() + 1)
                .fetch(JooqTombstones::tombstone);
        long total = dsl.selectCount().from(TOMBSTONE).where(filter).fetchSingle(0, Long.class);
        return Keyset.page(new ArrayList<>(rows), page, ORDER, t -> new Keyset.Boundary(null, t.id()), total);
    }

    @Override
    public Optional<Tombstone> remove(long tombstoneId) {
        Optional<Tombstone> found = dsl.selectFrom(TOMBSTONE).where(TOMBSTONE.ID.eq(tombstoneId))
                .fetchOptional(JooqTombstones::tombstone);
        found.ifPresent(t -> dsl.deleteFrom(TOMBSTONE).where(TOMBSTONE.ID.eq(tombstoneId)).execute());
        return found;
    }

    @Override
    public Set<String> feedKeys(ItemKind kind) {
        if (kind != ItemKind.SHOW && kind != ItemKind.MOVIE) {
            throw new IllegalArgumentException("only shows and movies have feed keys, not " + kind.wireName());
        }
        return new HashSet<>(dsl.select(TOMBSTONE.FEED_KEY).from(TOMBSTONE)
                .where(TOMBSTONE.ENTITY.eq(kind.wireName())).fetch(r -> r.value1()));
    }

    private static Tombstone tombstone(Record r) {
        ItemKind kind = ItemKind.fromWireName(r.get(TOMBSTONE.ENTITY));
        ItemRef<?> parent = null;
        String identity;
        switch (kind) {
            case SHOW, MOVIE -> identity = r.get(TOMBSTONE.FEED_KEY);
            case SEASON -> {
                parent = ItemRef.show(r.get(TOMBSTONE.SHOW_ID));
                identity = Integer.toString(r.get(TOMBSTONE.NUMBER));
            }
            case EPISODE -> {
                parent = ItemRef.season(r.get(TOMBSTONE.SEASON_ID));
                identity = Integer.toString(r.get(TOMBSTONE.NUMBER));
            }
            default -> {
                Long movieId = r.get(TOMBSTONE.MOVIE_ID);
                parent = movieId != null ? ItemRef.movie(movieId) : ItemRef.episode(r.get(TOMBSTONE.EPISODE_ID));
                identity = r.get(TOMBSTONE.URL);
            }
        }
        return new Tombstone(r.get(TOMBSTONE.ID), kind, parent, identity, r.get(TOMBSTONE.LABEL),
                Rows.fromDb(r.get(TOMBSTONE.DELETED_AT)), r.get(TOMBSTONE.DELETED_BY));
    }
}
