package io.freecast.catalog.testing;

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
        Map<String, SourceDraft> wanted = new LinkedHashMap<>();
        drafts.forEach(draft -> wanted.putIfAbsent(draft.url(), draft));
        Map<String, Source> stored = new LinkedHashMap<>();
        tables.sourcesOf(owner).forEach(source -> stored.put(source.url(), source));
        boolean changed = false;
        for (SourceDraft draft : wanted.values()) {
            Source row = stored.get(draft.url());
            if (row == null) {
                tables.putSource(new Source(ids.next(), owner, draft.url(), draft.type(), draft.provider(), true,
                        LinkState.NEVER_CHECKED));
                changed = true;
            } else if (row.type() != draft.type() || !Objects.equals(row.provider(), draft.provider())) {
                tables.putSource(new Source(row.id(), owner, row.url(), draft.type(), draft.provider(), row.active(),
                        row.check()));
                changed = true;
            }
        }
        for (Source row : stored.values()) {
            if (!wanted.containsKey(row.url())) {
                tables.removeSource(row.id());
                changed = true;
            }
        }
        return changed;
    }
}
