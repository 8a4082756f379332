package io.freecast.catalog.testing;

import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.SourceType;
import io.freecast.catalog.port.out.UpsertTally;

import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.SourceOwner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes one owner's sources match its drafts, as the database adapter does: a URL listed twice counts once
 * (the first listing wins), a new URL is added active and never checked, a staying URL keeps its id, active
 * flag and check state (only its type or provider may change), a URL no longer listed is removed.
 */
final class SourceSync {

    private SourceSync() {
    }

    /** @return whether anything changed */
    static boolean sync(InMemoryTables tables, Sequence ids, SourceOwner owner, List<SourceDraft> drafts) {
        return sync(tables, ids, owner, drafts, new UpsertTally(), new boolean[1]);
    }

    /**
     * As the database adapter does with hand edits: a source added by hand stays, a locked {@code source_type}
     * or {@code provider} keeps its value ({@code held[0]} set when the feed wanted another), and a URL with a
     * tombstone under its owner is not added again (counted as suppressed).
     *
     * @return whether anything changed
     */
    static boolean sync(InMemoryTables tables, Sequence ids, SourceOwner owner, List<SourceDraft> drafts,
                        UpsertTally tally, boolean[] held) {
        ItemRef<?> ownerRef = owner instanceof SourceOwner.OfMovie m ? ItemRef.movie(m.id()) : ItemRef.episode(owner.id());
        Map<String, SourceDraft> wanted = new LinkedHashMap<>();
        drafts.forEach(draft -> wanted.putIfAbsent(draft.url(), draft));
        Map<String, Source> stored = new LinkedHashMap<>();
        tables.sourcesOf(owner).forEach(source -> stored.put(source.url(), source));
        boolean changed = false;
        for (SourceDraft draft : wanted.values()) {
            Source row = stored.get(draft.url());
            if (row == null) {
                if (tables.tombstoned(ItemKind.SOURCE, ownerRef, draft.url())) {
                    tally.suppressed();
                    continue;
                }
                tables.putSource(new Source(ids.next(), owner, draft.url(), draft.type(), draft.provider(), true,
                        LinkState.NEVER_CHECKED));
                changed = true;
                continue;
            }
            SourceType type = row.lockedFields().contains("source_type") ? row.type() : draft.type();
            String provider = row.lockedFields().contains("provider") ? row.provider() : draft.provider();
            if (type != draft.type() || !Objects.equals(provider, draft.provider())) {
                held[0] = true;
            }
            if (row.type() != type || !Objects.equals(row.provider(), provider)) {
                tables.putSource(new Source(row.id(), owner, row.url(), type, provider, row.active(),
                        row.check(), row.lockedFields()));
                changed = true;
            }
        }
        for (Source row : stored.values()) {
            if (!wanted.containsKey(row.url()) && !tables.sourcesByHand.contains(row.id())) {
                tables.removeSource(row.id());
                changed = true;
            }
        }
        return changed;
    }
}
