package io.freecast.catalog.application;

import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.LockedFields;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Tombstone;
import io.freecast.catalog.domain.Versioned;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.EditEpisodesUseCase;
import io.freecast.catalog.port.in.EditSeasonsUseCase;
import io.freecast.catalog.port.in.EditShowsUseCase;
import io.freecast.catalog.port.in.EpisodeFields;
import io.freecast.catalog.port.in.SeasonFields;
import io.freecast.catalog.port.in.ShowFields;
import io.freecast.catalog.port.out.ItemReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.freecast.catalog.application.FieldRules.date;
import static io.freecast.catalog.application.FieldRules.description;
import static io.freecast.catalog.application.FieldRules.number;
import static io.freecast.catalog.application.FieldRules.rating;
import static io.freecast.catalog.application.FieldRules.title;
import static io.freecast.catalog.application.FieldRules.url;

/**
 * Shows, seasons and episodes by hand: validated, conditional, audited; changed fields locked; a feed's
 * item tombstoned when deleted; a feed's season or episode renumbered leaves a tombstone at its old number
 * and becomes the hand's.
 */
final class ShowEditing implements EditShowsUseCase, EditSeasonsUseCase, EditEpisodesUseCase {

    private final EditSupport support;
    private final CatalogQueries queries;
    private final ItemReader items;

    ShowEditing(EditSupport support, CatalogQueries queries, ItemReader items) {
        this.support = support;
        this.queries = queries;
        this.items = items;
    }

    // ------------------------------------------------------------------ shows

    @Override
    public ShowTree createShow(Caller caller, ShowFields fields) {
        EditSupport.require(caller, Scope.EDIT);
        Violations violations = new Violations();
        Show values = apply(violations, fields, null);
        violations.throwIfAny();
        return support.transactions.inInteractiveTransaction(() -> {
            AuditRecord record = support.record(caller);
            Show show = new Show(0, FeedKey.byHand(), null, null, values.title(), values.description(), values.image(),
                    values.releaseDate(), values.imdbRating(), values.kinopoiskRating(), record.at(), record.at(),
                    LockedFields.NONE);
            long id = support.edits.insertShow(show);
            record.created(ItemKind.SHOW, id, summary(show));
            support.write(record);
            return readShow(id);
        });
    }

    @Override
    public ShowTree changeShow(Caller caller, long showId, Versioned<ShowTree> expected, ShowFields changes) {
        EditSupport.require(caller, Scope.EDIT);
        return support.transactions.inInteractiveTransaction(() -> {
            ShowTree current = support.lockAndCheck(ItemRef.show(showId), expected, queries::findShow);
            Show old = current.show();
            Violations violations = new Violations();
            Show values = apply(violations, changes, old);
            violations.throwIfAny();
            AuditRecord record = support.record(caller);
            List<String> changed = new ArrayList<>();
            diff(record, changed, ItemKind.SHOW, showId, "title", old.title(), values.title());
            diff(record, changed, ItemKind.SHOW, showId, "description", old.description(), values.description());
            diff(record, changed, ItemKind.SHOW, showId, "image", old.image(), values.image());
            diff(record, changed, ItemKind.SHOW, showId, "release_date", old.releaseDate(), values.releaseDate());
            diff(record, changed, ItemKind.SHOW, showId, "imdb_rating", old.imdbRating(), values.imdbRating());
            diff(record, changed, ItemKind.SHOW, showId, "kinopoisk_rating", old.kinopoiskRating(), values.kinopoiskRating());
            if (changed.isEmpty()) {
                return current;
            }
            Set<String> locked = lock(record, ItemKind.SHOW, showId, old.lockedFields(), changed);
            support.edits.updateShow(new Show(showId, old.key(), old.externalId(), old.slug(), values.title(),
                    values.description(), values.image(), values.releaseDate(), values.imdbRating(),
                    values.kinopoiskRating(), old.createdAt(), record.at(), locked));
            support.write(record);
            return readShow(showId);
        });
    }

    @Override
    public void deleteShow(Caller caller, long showId, Versioned<ShowTree> expected) {
        EditSupport.require(caller, Scope.EDIT);
        support.transactions.inInteractiveTransaction(() -> {
            ShowTree current = support.lockAndCheck(ItemRef.show(showId), expected, queries::findShow);
            Show show = current.show();
            AuditRecord record = support.record(caller);
            record.deleted(ItemKind.SHOW, showId, summary(show).put("seasons", current.seasons().size()));
            support.edits.deleteShow(showId);
            if (!show.key().isByHand()) {
                support.tombstone(caller, record, new Tombstone(0, ItemKind.SHOW, null, show.key().value(), show.title(),
                        record.at(), caller.actor().label()));
            }
            support.write(record);
            return null;
        });
    }

    private static Show apply(Violations v, ShowFields changes, Show old) {
        String title = title(v, "title", changes.title(), old == null ? null : old.title(), true);
        String description = description(v, "description", changes.description(), old == null ? null : old.description());
        String image = url(v, "image", changes.image(), old == null ? null : old.image(), false);
        LocalDate releaseDate = date(v, "release_date", changes.releaseDate(), old == null ? null : old.releaseDate());
        var imdb = rating(v, "imdb_rating", changes.imdbRating(), old == null ? null : old.imdbRating());
        var kinopoisk = rating(v, "kinopoisk_rating", changes.kinopoiskRating(), old == null ? null : old.kinopoiskRating());
        return new Show(0, FeedKey.byHand(), null, null, title == null ? "" : title, description, image, releaseDate,
                imdb, kinopoisk, null, null, LockedFields.NONE);
    }

    static JsonText summary(Show s) {
        return new JsonText().put("title", s.title()).put("description", s.description()).put("image", s.image())
                .put("release_date", s.releaseDate()).put("imdb_rating", s.imdbRating())
                .put("kinopoisk_rating", s.kinopoiskRating());
    }

    // ---------------------------------------------------------------- seasons

    @Override
    public SeasonTree createSeason(Caller caller, long showId, SeasonFields fields) {
        EditSupport.require(caller, Scope.EDIT);
        return support.transactions.inInteractiveTransaction(() -> {
            ShowTree show = support.lock(ItemRef.show(showId), queries::findShow);
            Violations violations = new Violations();
            Integer number = number(violations, "number", fields.number(), null, true);
            String description = description(violations, "description", fields.description(), null);
            if (number != null && show.seasons().stream().anyMatch(s -> s.season().number() == number)) {
                violations.add("number", "is already the number of another season of this show");
            }
            violations.throwIfAny();
            AuditRecord record = support.record(caller);
            Season season = new Season(0, showId, number, description, LockedFields.NONE);
            long id = support.edits.insertSeason(season);
            record.created(ItemKind.SEASON, id, new JsonText().put("show_id", showId).put("number", number)
                    .put("description", description));
            support.write(record);
            return readSeason(id);
        });
    }

    @Override
    public SeasonTree changeSeason(Caller caller, long seasonId, Versioned<SeasonTree> expected, SeasonFields changes) {
        EditSupport.require(caller, Scope.EDIT);
        return support.transactions.inInteractiveTransaction(() -> {
            SeasonTree current = support.lockAndCheck(ItemRef.season(seasonId), expected, items::findSeason);
            Season old = current.season();
            Violations violations = new Violations();
            Integer number = number(violations, "number", changes.number(), old.number(), true);
            String description = description(violations, "description", changes.description(), old.description());
            if (number != null && number != old.number() && queries.findShow(old.showId()).orElseThrow().seasons()
                    .stream().anyMatch(s -> s.season().number() == number)) {
                violations.add("number", "is already the number of another season of this show");
            }
            violations.throwIfAny();
            AuditRecord record = support.record(caller);
            List<String> changed = new ArrayList<>();
            boolean renumbered = record.changed(ItemKind.SEASON, seasonId, "number", old.number(), number);
            diff(record, changed, ItemKind.SEASON, seasonId, "description", old.description(), description);
            if (!renumbered && changed.isEmpty()) {
                return current;
            }
            Set<String> locked = lock(record, ItemKind.SEASON, seasonId, old.lockedFields(), changed);
            if (renumbered && !support.edits.addedByHand(ItemRef.season(seasonId))) {
                support.tombstone(caller, record, new Tombstone(0, ItemKind.SEASON, ItemRef.show(old.showId()),
                        Integer.toString(old.number()), "Season " + old.number(), record.at(), caller.actor().label()));
                support.edits.claimByHand(ItemRef.season(seasonId));
            }
            support.edits.updateSeason(new Season(seasonId, old.showId(), number, description, locked));
            support.write(record);
            return readSeason(seasonId);
        });
    }

    @Override
    public void deleteSeason(Caller caller, long seasonId, Versioned<SeasonTree> expected) {
        EditSupport.require(caller, Scope.EDIT);
        support.transactions.inInteractiveTransaction(() -> {
            SeasonTree current = support.lockAndCheck(ItemRef.season(seasonId), expected, items::findSeason);
            Season season = current.season();
            AuditRecord record = support.record(caller);
            record.deleted(ItemKind.SEASON, seasonId, new JsonText().put("show_id", season.showId())
                    .put("number", season.number()).put("description", season.description())
                    .put("episodes", current.episodes().size()));
            boolean byHand = support.edits.addedByHand(ItemRef.season(seasonId));
            support.edits.deleteSeason(seasonId);
            if (!byHand) {
                support.tombstone(caller, record, new Tombstone(0, ItemKind.SEASON, ItemRef.show(season.showId()),
                        Integer.toString(season.number()), "Season " + season.number(), record.at(),
                        caller.actor().label()));
            }
            support.write(record);
            return null;
        });
    }

    // --------------------------------------------------------------- episodes

    @Override
    public EpisodeTree createEpisode(Caller caller, long seasonId, EpisodeFields fields) {
        EditSupport.require(caller, Scope.EDIT);
        return support.transactions.inInteractiveTransaction(() -> {
            SeasonTree season = support.lock(ItemRef.season(seasonId), items::findSeason);
            Violations violations = new Violations();
            Integer number = number(violations, "number", fields.number(), null, true);
            String title = title(violations, "title", fields.title(), null, false);
            String description = description(violations, "description", fields.description(), null);
            LocalDate releaseDate = date(violations, "release_date", fields.releaseDate(), null);
            if (number != null && season.episodes().stream().anyMatch(e -> e.episode().number() == number)) {
                violations.add("number", "is already the number of another episode of this season");
            }
            violations.throwIfAny();
            AuditRecord record = support.record(caller);
            Episode episode = new Episode(0, seasonId, number, title, description, releaseDate, LockedFields.NONE);
            long id = support.edits.insertEpisode(episode);
            record.created(ItemKind.EPISODE, id, new JsonText().put("season_id", seasonId).put("number", number)
                    .put("title", title).put("description", description).put("release_date", releaseDate));
            support.write(record);
            return readEpisode(id);
        });
    }

    @Override
    public EpisodeTree changeEpisode(Caller caller, long episodeId, Versioned<EpisodeTree> expected,
                                     EpisodeFields changes) {
        EditSupport.require(caller, Scope.EDIT);
        return support.transactions.inInteractiveTransaction(() -> {
            EpisodeTree current = support.lockAndCheck(ItemRef.episode(episodeId), expected, items::findEpisode);
            Episode old = current.episode();
            Violations violations = new Violations();
            Integer number = number(violations, "number", changes.number(), old.number(), true);
            String title = title(violations, "title", changes.title(), old.title(), false);
            String description = description(violations, "description", changes.description(), old.description());
            LocalDate releaseDate = date(violations, "release_date", changes.releaseDate(), old.releaseDate());
            if (number != null && number != old.number() && items.findSeason(old.seasonId()).orElseThrow().episodes()
                    .stream().anyMatch(e -> e.episode().number() == number)) {
                violations.add("number", "is already the number of another episode of this season");
            }
            violations.throwIfAny();
            AuditRecord record = support.record(caller);
            List<String> changed = new ArrayList<>();
            boolean renumbered = record.changed(ItemKind.EPISODE, episodeId, "number", old.number(), number);
            diff(record, changed, ItemKind.EPISODE, episodeId, "title", old.title(), title);
            diff(record, changed, ItemKind.EPISODE, episodeId, "description", old.description(), description);
            diff(record, changed, ItemKind.EPISODE, episodeId, "release_date", old.releaseDate(), releaseDate);
            if (!renumbered && changed.isEmpty()) {
                return current;
            }
            Set<String> locked = lock(record, ItemKind.EPISODE, episodeId, old.lockedFields(), changed);
            if (renumbered && !support.edits.addedByHand(ItemRef.episode(episodeId))) {
                support.tombstone(caller, record, new Tombstone(0, ItemKind.EPISODE, ItemRef.season(old.seasonId()),
                        Integer.toString(old.number()), episodeLabel(old), record.at(), caller.actor().label()));
                support.edits.claimByHand(ItemRef.episode(episodeId));
            }
            support.edits.updateEpisode(new Episode(episodeId, old.seasonId(), number, title, description, releaseDate,
                    locked));
            support.write(record);
            return readEpisode(episodeId);
        });
    }

    @Override
    public void deleteEpisode(Caller caller, long episodeId, Versioned<EpisodeTree> expected) {
        EditSupport.require(caller, Scope.EDIT);
        support.transactions.inInteractiveTransaction(() -> {
            EpisodeTree current = support.lockAndCheck(ItemRef.episode(episodeId), expected, items::findEpisode);
            Episode episode = current.episode();
            AuditRecord record = support.record(caller);
            record.deleted(ItemKind.EPISODE, episodeId, new JsonText().put("season_id", episode.seasonId())
                    .put("number", episode.number()).put("title", episode.title())
                    .put("sources", current.sources().size()));
            boolean byHand = support.edits.addedByHand(ItemRef.episode(episodeId));
            support.edits.deleteEpisode(episodeId);
            if (!byHand) {
                support.tombstone(caller, record, new Tombstone(0, ItemKind.EPISODE, ItemRef.season(episode.seasonId()),
                        Integer.toString(episode.number()), episodeLabel(episode), record.at(), caller.actor().label()));
            }
            support.write(record);
            return null;
        });
    }

    private static String episodeLabel(Episode episode) {
        return episode.title() != null ? episode.title() : "Episode " + episode.number();
    }

    // ---------------------------------------------------------------- helpers

    private static void diff(AuditRecord record, List<String> changed, ItemKind kind, long id, String field,
                             Object before, Object after) {
        if (record.changed(kind, id, field, before, after)) {
            changed.add(field);
        }
    }

    /** The locked fields after locking {@code changed}, recorded in the audit when they grow. */
    static Set<String> lock(AuditRecord record, ItemKind kind, long id, Set<String> before, List<String> changed) {
        Set<String> after = LockedFields.plus(before, changed);
        record.changed(kind, id, "locked_fields", AuditRecord.locks(before), AuditRecord.locks(after));
        return after;
    }

    private ShowTree readShow(long id) {
        return queries.findShow(id).orElseThrow(() -> new IllegalStateException("show " + id + " vanished in its own transaction"));
    }

    private SeasonTree readSeason(long id) {
        return items.findSeason(id).orElseThrow(() -> new IllegalStateException("season " + id + " vanished in its own transaction"));
    }

    private EpisodeTree readEpisode(long id) {
        return items.findEpisode(id).orElseThrow(() -> new IllegalStateException("episode " + id + " vanished in its own transaction"));
    }
}
