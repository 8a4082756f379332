package io.freecast.catalog.application;

import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.ItemKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit entries of one edit, all with the edit's actor and time: one per field that changed, or one
 * for a whole item created ({@code *}, no value before) or deleted ({@code *}, no value after). Values are
 * text as the JSON API shows them.
 */
final class AuditRecord {

    /** The field name of an entry about a whole item. */
    static final String WHOLE_ITEM = "*";

    private final Actor actor;
    private final Instant at;
    private final List<AuditEntry> entries = new ArrayList<>();

    AuditRecord(Actor actor, Instant at) {
        this.actor = actor;
        this.at = at;
    }

    Instant at() {
        return at;
    }

    /** Records the field's change if its value changed; answers whether it did. */
    boolean changed(ItemKind kind, long id, String field, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return false;
        }
        entries.add(new AuditEntry(0, at, actor, kind.wireName(), id, field, text(before), text(after)));
        return true;
    }

    void created(ItemKind kind, long id, JsonText summary) {
        entries.add(new AuditEntry(0, at, actor, kind.wireName(), id, WHOLE_ITEM, null, summary.toString()));
    }

    void deleted(ItemKind kind, long id, JsonText summary) {
        entries.add(new AuditEntry(0, at, actor, kind.wireName(), id, WHOLE_ITEM, summary.toString(), null));
    }

    void add(String entity, long id, String field, String before, String after) {
        entries.add(new AuditEntry(0, at, actor, entity, id, field, before, after));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    /** Locked fields as the audit shows them: {@code imdb_rating,title}, or none when there are none. */
    static String locks(java.util.Set<String> fields) {
        return fields.isEmpty() ? null : String.join(",", fields);
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
