package io.freecast.catalog.testing;

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
 * Makes one owner's sources match its drafts, as the database adapter does, as far as hand edits allow: a URL
 * listed twice counts once (the first listing wins), a new URL is added active and never checked, a staying URL
 * keeps its id, active flag and check state (its type or provider change unless locked by hand), a URL no longer
 * listed is removed unless a person added it, and a URL a person deleted from a stored owner is not re-added.
 * One per upsert call.
 */
final class SourceSync {

    private final InMemoryTables tables;
    private final Sequence ids;
    private final UpsertTally tally;
    private boolean held;

    SourceSync(InMemoryTables tables, Sequence ids, UpsertTally tally) {
        this.tables = tables;
        this.ids = ids;
        this.tally = tally;
    }

    /** Whether a field locked by hand held back a change since the last call (and forgets it). */
    boolean takeHeld() {
        boolean was = held;
        held = false;
        return was;
    }

    /**
     * @param ownerStored whether the owner was stored before this upsert (only then can it have tombstones)
     * @return whether anything changed
     */
    boolean sync(SourceOwner owner, List<SourceDraft> drafts, boolean ownerStored) {
        Map<String, SourceDraft> wanted = new LinkedHashMap<>();
        drafts.forEach(draft -> wanted.putIfAbsent(draft.url(), draft));
        Map<String, Source> stored = new LinkedHashMap<>();
        tables.sourcesOf(owner).forEach(source -> stored.put(source.url(), source));
        boolean changed = false;
        for (SourceDraft draft : wanted.values()) {
            Source row = stored.get(draft.url());
            if (row == null) {
                if (ownerStored && tables.sourceTombstoned(owner, draft.url())) {
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
                held = true;
            }
            if (type != row.type() || !Objects.equals(provider, row.provider())) {
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
        return changed;
    }
}
