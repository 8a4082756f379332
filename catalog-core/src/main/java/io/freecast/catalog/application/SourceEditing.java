package io.freecast.catalog.application;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.LinkState;
import io.freecast.catalog.domain.LockedFields;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.domain.SourceType;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.Versioned;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.EditSourcesUseCase;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.SourceFields;
import io.freecast.catalog.port.out.ItemReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.freecast.catalog.application.FieldRules.flag;
import static io.freecast.catalog.application.FieldRules.provider;
import static io.freecast.catalog.application.FieldRules.sourceType;
import static io.freecast.catalog.application.FieldRules.url;

/**
 * Sources by hand. A source added by hand is marked so; an import never removes it. Changing
 * {@code source_type}, {@code provider} or {@code is_active} locks the field; changing the URL of a feed's
 * source tombstones the old URL (so the feed does not add it back) and makes the source the hand's.
 */
final class SourceEditing implements EditSourcesUseCase {

    /** A validated source to insert. */
    record NewSource(String url, SourceType type, String provider, boolean active) {
        Source toSource(SourceOwner owner) {
            return new Source(0, owner, url, type, provider, active, LinkState.NEVER_CHECKED, LockedFields.NONE);
        }
    }

    private final EditSupport support;
    private final CatalogQueries queries;
    private final ItemReader items;

    SourceEditing(EditSupport support, CatalogQueries queries, ItemReader items) {
        this.support = support;
        this.queries = queries;
        this.items = items;
    }

    @Override
    public Source createSource(Caller caller, SourceOwner owner, SourceFields fields) {
        EditSupport.require(caller, Scope.EDIT);
        if (owner == null) {
            throw new IllegalArgumentException("a source needs an owner (a movie or an episode)");
        }
        return support.transactions.inInteractiveTransaction(() -> {
            support.lockTree(ownerRef(owner));
            List<Source> siblings = ownerSources(owner);
            Violations violations = new Violations();
            NewSource source = validateNew(violations, "", fields);
            if (source.url() != null && siblings.stream().anyMatch(s -> s.url().equals(source.url()))) {
                violations.add("url", "is already a source of this " + ownerRef(owner).kind().wireName());
            }
            violations.throwIfAny();
            AuditRecord record = support.record(caller);
            long id = insert(record, source.toSource(owner));
            support.write(record);
            return read(id);
        });
    }

    @Override
    public Source changeSource(Caller caller, long sourceId, Versioned<Source> expected, SourceFields changes) {
        EditSupport.require(caller, Scope.EDIT);
        return support.transactions.inInteractiveTransaction(() -> {
            Source old = support.lockAndCheck(ItemRef.source(sourceId), expected, items::findSource);
            Violations violations = new Violations();
            String url = url(violations, "url", changes.url(), old.url(), true);
            SourceType type = sourceType(violations, "source_type", changes.sourceType(), old.type());
            if (type == null) {
                type = SourceType.guessFromUrl(url);
            }
            String provider = provider(violations, "provider", changes.provider(), old.provider());
            Boolean active = flag(violations, "is_active", changes.active(), old.active());
            if (!url.equals(old.url()) && ownerSources(old.owner()).stream().anyMatch(s -> s.url().equals(url))) {
                violations.add("url", "is already a source of this " + ownerRef(old.owner()).kind().wireName());
            }
            violations.throwIfAny();

            AuditRecord record = support.record(caller);
            List<String> locking = new ArrayList<>();
            record.changed(ItemKind.SOURCE, sourceId, "url", old.url(), url);
            if (record.changed(ItemKind.SOURCE, sourceId, "source_type", old.type().wireName(), type.wireName())) {
                locking.add("source_type");
            }
            if (record.changed(ItemKind.SOURCE, sourceId, "provider", old.provider(), provider)) {
                locking.add("provider");
            }
            if (record.changed(ItemKind.SOURCE, sourceId, "is_active", old.active(), active)) {
                locking.add("is_active");
            }
            if (record.isEmpty()) {
                return old;
            }
            Set<String> locked = LockedFields.plus(old.lockedFields(), locking);
            record.changed(ItemKind.SOURCE, sourceId, "locked_fields", AuditRecord.locks(old.lockedFields()),
                    AuditRecord.locks(locked));
            if (!url.equals(old.url()) && !support.edits.addedByHand(ItemRef.source(sourceId))) {
                support.tombstone(caller, record, new Tombstone(0, ItemKind.SOURCE, ownerRef(old.owner()), old.url(),
                        old.url(), record.at(), caller.actor().label()));
                support.edits.claimByHand(ItemRef.source(sourceId));
            }
            support.edits.updateSource(new Source(sourceId, old.owner(), url, type, provider, active, old.check(), locked));
            support.write(record);
            return read(sourceId);
        });
    }

    @Override
    public Source setSourceActive(Caller caller, long sourceId, Versioned<Source> expected, boolean active) {
        return changeSource(caller, sourceId, expected, SourceFields.NONE.withActive(FieldEdit.set(active)));
    }

    @Override
    public void deleteSource(Caller caller, long sourceId, Versioned<Source> expected) {
        EditSupport.require(caller, Scope.EDIT);
        support.transactions.inInteractiveTransaction(() -> {
            Source old = support.lockAndCheck(ItemRef.source(sourceId), expected, items::findSource);
            AuditRecord record = support.record(caller);
            record.deleted(ItemKind.SOURCE, sourceId, summary(old));
            boolean byHand = support.edits.addedByHand(ItemRef.source(sourceId));
            support.edits.deleteSource(sourceId);
            if (!byHand) {
                support.tombstone(caller, record, new Tombstone(0, ItemKind.SOURCE, ownerRef(old.owner()), old.url(),
                        old.url(), record.at(), caller.actor().label()));
            }
            support.write(record);
            return null;
        });
    }

    /** Validates a new source's fields (field names after {@code prefix}); the URL is required. */
    NewSource validateNew(Violations violations, String prefix, SourceFields fields) {
        String url = url(violations, prefix + "url", fields.url(), null, true);
        SourceType type = sourceType(violations, prefix + "source_type", fields.sourceType(), null);
        if (type == null && url != null) {
            type = SourceType.guessFromUrl(url);
        }
        String provider = provider(violations, prefix + "provider", fields.provider(), null);
        Boolean active = fields.active().given() ? flag(violations, prefix + "is_active", fields.active(), true) : true;
        return new NewSource(url, type == null ? SourceType.DIRECT : type, provider, active);
    }

    /** Inserts a validated source and records its creation; answers its id. */
    long insert(AuditRecord record, Source source) {
        long id = support.edits.insertSource(source);
        record.created(ItemKind.SOURCE, id, summary(source));
        return id;
    }

    static JsonText summary(Source s) {
        return new JsonText().put("url", s.url()).put("source_type", s.type().wireName()).put("provider", s.provider())
                .put("is_active", s.active());
    }

    static ItemRef<?> ownerRef(SourceOwner owner) {
        return switch (owner) {
            case SourceOwner.OfMovie movie -> ItemRef.movie(movie.id());
            case SourceOwner.OfEpisode episode -> ItemRef.episode(episode.id());
        };
    }

    /** The owner's sources as stored now; empty when the owner does not exist. */
    private java.util.Optional<List<Source>> ownerSourcesIfAny(SourceOwner owner) {
        return switch (owner) {
            case SourceOwner.OfMovie movie -> queries.findMovie(movie.id()).map(tree -> tree.sources());
            case SourceOwner.OfEpisode episode -> items.findEpisode(episode.id()).map(tree -> tree.sources());
        };
    }

    private List<Source> ownerSources(SourceOwner owner) {
        return ownerSourcesIfAny(owner).orElseThrow(() -> new ItemNotFoundException(ownerRef(owner).kind().wireName(),
                owner.id()));
    }

    private Source read(long id) {
        return items.findSource(id).orElseThrow(() -> new IllegalStateException("source " + id + " vanished in its own transaction"));
    }
}
