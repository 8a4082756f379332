package io.freecast.catalog.testing;

import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceDraft;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.domain.SourceType;
import io.freecast.catalog.port.out.UpsertTally;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes one owner's sources match its drafts, as the database adapter does: a URL listed twice counts once
 * (the first listing wins), a new URL is added active and never checked, a staying URL keeps its id, active
 * flag and check state (only its type or provider may change), a URL no longer listed is removed.
 *
 * <p>Hand edits win: a source added (or re-pointed) by hand is never removed, a {@code source_type} or
 * {@code provider} locked by hand keeps its value, and a URL a person deleted from an owner that was stored
 * before (a tombstone under it) is not added again and is counted as suppressed.
 */
final class SourceSync {

    /** What one owner's sync did: whether anything changed, and whether a lock held back a feed's change. */
    record Outcome(boolean changed, boolean held) {
    }

    private SourceSync() {
    }

    /**
     * @param ownerStored whether the owner was stored before this upsert (only then can it have tombstones)
     */
    static Outcome sync(InMemoryTables tables, Sequence ids, SourceOwner owner, List<SourceDraft> drafts,
                        boolean ownerStored, UpsertTally tally) {
        Map<String, SourceDraft> wanted = new LinkedHashMap<>();
        drafts.forEach(draft -> wanted.putIfAbsent(draft.url(), draft));
        Map<String, Source> stored = new LinkedHashMap<>();
        tables.sourcesOf(owner).forEach(source -> stored.put(source.url(), source));
        boolean changed = false;
        boolean held = false;
        for (SourceDraft draft : wanted.values()) {
            Source row = stored.get(draft.url());
            if (row == null) {
                if (ownerStored && deletedByHand(tables, owner, draft.url())) {
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
            held |= type != draft.type() || !Objects.equals(provider, draft.provider());
            if (row.type() != type || !Objects.equals(row.provider(), provider)) {
                tables.putSource(new Source(row.id(), owner, row.url(), type, provider, row.active(), row.check(),
                        row.lockedFields()));
                changed = true;
            }
        }
        for (Source row : stored.values()) {
            if (!tables.sourcesByHand.contains(row.id()) && !wanted.containsKey(row.url())) {
                tables.removeSource(row.id());
                changed = true;
            }
        }
        return new Outcome(changed, held);
    }

    private static boolean deletedByHand(InMemoryTables tables, SourceOwner owner, String url) {
        ItemKind parent = owner instanceof SourceOwner.OfMovie ? ItemKind.MOVIE : ItemKind.EPISODE;
        return tables.tombstoned(ItemKind.SOURCE, parent, owner.id(), url);
    }
}
