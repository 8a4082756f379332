package io.freecast.catalog.application;

import io.freecast.catalog.domain.AuditEntry;
import io.freecast.catalog.domain.AuditQuery;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.LockedFields;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.TombstoneQuery;
import io.freecast.catalog.domain.Versioned;
import io.freecast.catalog.port.in.AuditLogUseCase;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.TombstonesUseCase;
import io.freecast.catalog.port.in.UnlockFieldUseCase;
import io.freecast.catalog.port.in.MovieFields;
import io.freecast.catalog.port.in.ShowFields;
import io.freecast.catalog.port.out.ItemReader;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Undoing hand edits (unlocking a field, restoring a tombstone) and reading the audit trail. */
final class LockAndTombstoneEditing implements UnlockFieldUseCase, TombstonesUseCase, AuditLogUseCase {

    /** The fields of each kind that a hand edit locks, by wire name. */
    static final Map<ItemKind, List<String>> LOCKABLE = Map.of(
            ItemKind.SHOW, ShowFields.WIRE_NAMES,
            ItemKind.MOVIE, MovieFields.WIRE_NAMES,
            ItemKind.SEASON, List.of("description"),
            ItemKind.EPISODE, List.of("title", "description", "release_date"),
            ItemKind.SOURCE, List.of("source_type", "provider", "is_active"));

    private final EditSupport support;
    private final CatalogQueries queries;
    private final ItemReader items;

    LockAndTombstoneEditing(EditSupport support, CatalogQueries queries, ItemReader items) {
        this.support = support;
        this.queries = queries;
        this.items = items;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T unlock(Caller caller, ItemRef<T> item, Versioned<T> expected, String field) {
        EditSupport.require(caller, Scope.EDIT);
        Objects.requireNonNull(item, "item");
        if (field == null || !LOCKABLE.get(item.kind()).contains(field)) {
            Violations violations = new Violations();
            violations.add("field", "is not a field of a " + item.kind().wireName() + " that can be locked; one of "
                    + String.join(", ", LOCKABLE.get(item.kind())));
            violations.throwIfAny();
        }
        return support.transactions.inInteractiveTransaction(() -> switch (item.kind()) {
            case SHOW -> (T) unlockShow(caller, (ItemRef<ShowTree>) item, (Versioned<ShowTree>) expected, field);
            case MOVIE -> (T) unlockMovie(caller, (ItemRef<MovieTree>) item, (Versioned<MovieTree>) expected, field);
            case SEASON -> (T) unlockSeason(caller, (ItemRef<SeasonTree>) item, (Versioned<SeasonTree>) expected, field);
            case EPISODE -> (T) unlockEpisode(caller, (ItemRef<EpisodeTree>) item, (Versioned<EpisodeTree>) expected,
                    field);
            case SOURCE -> (T) unlockSource(caller, (ItemRef<Source>) item, (Versioned<Source>) expected, field);
        });
    }

    private ShowTree unlockShow(Caller caller, ItemRef<ShowTree> ref, Versioned<ShowTree> expected, String field) {
        ShowTree current = support.lockAndCheck(ref, expected, queries::findShow);
        Show s = current.show();
        Set<String> locks = unlocked(caller, ref, s.lockedFields(), field);
        if (locks == null) {
            return current;
        }
        support.edits.updateShow(new Show(s.id(), s.key(), s.externalId(), s.slug(), s.title(), s.description(),
                s.image(), s.releaseDate(), s.imdbRating(), s.kinopoiskRating(), s.createdAt(), s.updatedAt(), locks));
        return queries.findShow(ref.id()).orElseThrow();
    }

    private MovieTree unlockMovie(Caller caller, ItemRef<MovieTree> ref, Versioned<MovieTree> expected, String field) {
        MovieTree current = support.lockAndCheck(ref, expected, queries::findMovie);
        Movie m = current.movie();
        Set<String> locks = unlocked(caller, ref, m.lockedFields(), field);
        if (locks == null) {
            return current;
        }
        support.edits.updateMovie(new Movie(m.id(), m.key(), m.externalId(), m.slug(), m.title(), m.description(),
                m.image(), m.releaseDate(), m.releaseYear(), m.imdbRating(), m.kinopoiskRating(), m.createdAt(),
                m.updatedAt(), locks));
        return queries.findMovie(ref.id()).orElseThrow();
    }

    private SeasonTree unlockSeason(Caller caller, ItemRef<SeasonTree> ref, Versioned<SeasonTree> expected,
                                    String field) {
        SeasonTree current = support.lockAndCheck(ref, expected, items::findSeason);
        Season s = current.season();
        Set<String> locks = unlocked(caller, ref, s.lockedFields(), field);
        if (locks == null) {
            return current;
        }
        support.edits.updateSeason(new Season(s.id(), s.showId(), s.number(), s.description(), locks));
        return items.findSeason(ref.id()).orElseThrow();
    }

    private EpisodeTree unlockEpisode(Caller caller, ItemRef<EpisodeTree> ref, Versioned<EpisodeTree> expected,
                                      String field) {
        EpisodeTree current = support.lockAndCheck(ref, expected, items::findEpisode);
        Episode e = current.episode();
        Set<String> locks = unlocked(caller, ref, e.lockedFields(), field);
        if (locks == null) {
            return current;
        }
        support.edits.updateEpisode(new Episode(e.id(), e.seasonId(), e.number(), e.title(), e.description(),
                e.releaseDate(), locks));
        return items.findEpisode(ref.id()).orElseThrow();
    }

    private Source unlockSource(Caller caller, ItemRef<Source> ref, Versioned<Source> expected, String field) {
        Source s = support.lockAndCheck(ref, expected, items::findSource);
        Set<String> locks = unlocked(caller, ref, s.lockedFields(), field);
        if (locks == null) {
            return s;
        }
        support.edits.updateSource(new Source(s.id(), s.owner(), s.url(), s.type(), s.provider(), s.active(), s.check(),
                locks));
        return items.findSource(ref.id()).orElseThrow();
    }

    /** The locks without {@code field}, audited; {@code null} when it was not locked (nothing to do). */
    private Set<String> unlocked(Caller caller, ItemRef<?> ref, Set<String> locks, String field) {
        if (!locks.contains(field)) {
            return null;
        }
        Set<String> after = LockedFields.minus(locks, field);
        AuditRecord record = support.record(caller);
        record.changed(ref.kind(), ref.id(), "locked_fields", AuditRecord.locks(locks), AuditRecord.locks(after));
        support.write(record);
        return after;
    }

    @Override
    public Page<Tombstone> listTombstones(Caller caller, TombstoneQuery query) {
        EditSupport.require(caller, Scope.READ);
        return support.tombstones.list(query == null ? TombstoneQuery.all(null) : query);
    }

    @Override
    public void restore(Caller caller, long tombstoneId) {
        EditSupport.require(caller, Scope.EDIT);
        support.transactions.inInteractiveTransaction(() -> {
            Tombstone removed = support.tombstones.remove(tombstoneId)
                    .orElseThrow(() -> new ItemNotFoundException("tombstone", tombstoneId));
            AuditRecord record = support.record(caller);
            record.add("tombstone", tombstoneId, AuditRecord.WHOLE_ITEM, new JsonText()
                    .put("kind", removed.kind().wireName())
                    .put("parent", removed.parent() == null ? null : removed.parent().toString())
                    .put("identity", removed.identity()).put("label", removed.label()).toString(), null);
            support.write(record);
            return null;
        });
    }

    @Override
    public Page<AuditEntry> listAudit(Caller caller, AuditQuery query) {
        EditSupport.require(caller, Scope.ADMIN);
        return support.audit.list(query == null ? AuditQuery.all(null) : query);
    }
}
