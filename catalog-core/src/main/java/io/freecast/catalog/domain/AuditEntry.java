package io.freecast.catalog.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded change: who changed which field of which item, from what to what, when and through what.
 * A change of several fields is several entries with the same time; creating an item is one entry with
 * field {@code "*"} and no value before; deleting one, one entry with no value after.
 *
 * <p>Values are stored as text as the JSON API shows them. Secrets never reach an entry: a password or
 * token change is recorded as the field {@code password} / {@code token} with no values.
 *
 * @param id       the entry's id; 0 before it is stored
 * @param entity   what kind of item: {@code show}, {@code season}, {@code episode}, {@code movie},
 *                 {@code source}, {@code account}, {@code token}, {@code login}
 * @param entityId the item's id (for a failed login of an unknown account, 0)
 */
public record AuditEntry(long id, Instant at, Actor actor, String entity, long entityId, String field,
                         String before, String after) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(field, "field");
    }
}
