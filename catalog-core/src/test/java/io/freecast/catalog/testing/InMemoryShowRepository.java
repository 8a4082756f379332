package io.freecast.catalog.testing;

import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.EpisodeDraft;
import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.port.out.ShowRepository;
import io.freecast.catalog.port.out.UpsertOutcome;
import io.freecast.catalog.port.out.UpsertTally;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shows by feed key, seasons by number under their show, episodes by number under their season, sources by
 * URL under their episode. An import never deletes a season or an episode; an unchanged draft writes nothing.
 * Hand edits win as in the database: locked fields keep their values (the show counted as locked), and a
 * season, episode or source URL with a tombstone under its stored parent is not re-created (counted as
 * suppressed; a suppressed season's episodes are not looked at).
 */
final class InMemoryShowRepository implements ShowRepository {

    private final InMemoryTransactions transactions;
    private final Sequence showIds;
    private final Sequence seasonIds;
    private final Sequence episodeIds;
    private final Sequence sourceIds;
    private final Clock clock;

    InMemoryShowRepository(InMemoryTransactions transactions, Sequence showIds, Sequence seasonIds,
                           Sequence episodeIds, Sequence sourceIds, Clock clock) {
        this.transactions = transactions;
        this.showIds = showIds;
        this.seasonIds = seasonIds;
        this.episodeIds = episodeIds;
        this.sourceIds = sourceIds;
        this.clock = clock;
    }

    @Override
    public List<UpsertOutcome> upsertAll(List<ShowDraft> shows, List<SeasonDraft> seasonsWhenNone, UpsertTally tally) {
        Objects.requireNonNull(seasonsWhenNone, "seasonsWhenNone");
        if (shows.isEmpty()) {
            return List.of();
        }
        return transactions.write(tables -> {
            Instant now = clock.instant();
            List<UpsertOutcome> outcomes = new ArrayList<>(shows.size());
            for (ShowDraft draft : shows) {
                outcomes.add(upsert(tables, draft, seasonsWhenNone, tally, now));
            }
            return outcomes;
        });
    }

    /** What the children of one show's upsert did: anything changed, a lock held a feed's change back. */
    private static final class Children {
        boolean changed;
        boolean held;
    }

    private UpsertOutcome upsert(InMemoryTables tables, ShowDraft d, List<SeasonDraft> seasonsWhenNone,
                                 UpsertTally tally, Instant now) {
        Long storedId = tables.showIdByKey.get(d.key().value());
        if (storedId == null) {
            Show created = new Show(showIds.next(), d.key(), d.externalId(), d.slug(), d.title(), d.description(),
                    d.image(), d.releaseDate(), d.imdbRating(), d.kinopoiskRating(), now, now);
            tables.shows.put(created.id(), created);
            tables.showIdByKey.put(d.key().value(), created.id());
            upsertSeasons(tables, created.id(), false, d.seasons().isEmpty() ? seasonsWhenNone : d.seasons(), tally);
            return UpsertOutcome.CREATED;
        }
        long id = storedId;
        boolean noSeasons = d.seasons().isEmpty() && tables.seasonsOf(id).isEmpty();
        Children children = upsertSeasons(tables, id, true, noSeasons ? seasonsWhenNone : d.seasons(), tally);
        Show current = tables.shows.get(id);
        Show fromFeed = new Show(id, current.key(), d.externalId(), d.slug(), d.title(), d.description(), d.image(),
                d.releaseDate(), InMemoryMovieRepository.keepKnown(d.imdbRating(), current.imdbRating()),
                InMemoryMovieRepository.keepKnown(d.kinopoiskRating(), current.kinopoiskRating()),
                current.createdAt(), current.updatedAt(), current.lockedFields());
        Show wanted = keepLocked(fromFeed, current);
        if (children.held || !wanted.equals(fromFeed)) {
            tally.locked();
        }
        if (wanted.equals(current) && !children.changed) {
            return UpsertOutcome.UNCHANGED;
        }
        tables.shows.put(id, new Show(id, wanted.key(), wanted.externalId(), wanted.slug(), wanted.title(),
                wanted.description(), wanted.image(), wanted.releaseDate(), wanted.imdbRating(),
                wanted.kinopoiskRating(), current.createdAt(), now, current.lockedFields()));
        return UpsertOutcome.UPDATED;
    }

    /** The feed's values, with every field locked by hand as {@code stored} has it. */
    private static Show keepLocked(Show feed, Show stored) {
        Set<String> locked = stored.lockedFields();
        if (locked.isEmpty()) {
            return feed;
        }
        return new Show(feed.id(), feed.key(), feed.externalId(), feed.slug(),
                locked.contains("title") ? stored.title() : feed.title(),
                locked.contains("description") ? stored.description() : feed.description(),
                locked.contains("image") ? stored.image() : feed.image(),
                locked.contains("release_date") ? stored.releaseDate() : feed.releaseDate(),
                locked.contains("imdb_rating") ? stored.imdbRating() : feed.imdbRating(),
                locked.contains("kinopoisk_rating") ? stored.kinopoiskRating() : feed.kinopoiskRating(),
                feed.createdAt(), feed.updatedAt(), feed.lockedFields());
    }

    /**
     * @param showStored whether the show was stored before this upsert (only then can it have tombstones)
     */
    private Children upsertSeasons(InMemoryTables tables, long showId, boolean showStored, List<SeasonDraft> drafts,
                                   UpsertTally tally) {
        Children children = new Children();
        for (SeasonDraft draft : distinct(drafts, SeasonDraft::number)) {
            Long seasonId = tables.seasonsOfShow.getOrDefault(showId, new TreeMap<>()).get(draft.number());
            Season current = seasonId == null ? null : tables.seasons.get(seasonId);
            boolean existed = current != null;
            if (current == null) {
                if (showStored && tables.tombstoned(ItemKind.SEASON, ItemKind.SHOW, showId,
                        Integer.toString(draft.number()))) {
                    tally.suppressed();
                    continue;
                }
                current = new Season(seasonIds.next(), showId, draft.number(), draft.description());
                tables.putSeason(current);
                children.changed = true;
            } else {
                String description = draft.description();
                if (current.lockedFields().contains("description")) {
                    children.held |= !Objects.equals(description, current.description());
                    description = current.description();
                }
                if (!Objects.equals(current.description(), description)) {
                    current = new Season(current.id(), showId, current.number(), description, current.lockedFields());
                    tables.putSeason(current);
                    children.changed = true;
                }
            }
            upsertEpisodes(tables, current.id(), existed, draft.episodes(), tally, children);
        }
        return children;
    }

    private void upsertEpisodes(InMemoryTables tables, long seasonId, boolean seasonStored, List<EpisodeDraft> drafts,
                                UpsertTally tally, Children children) {
        for (EpisodeDraft draft : distinct(drafts, EpisodeDraft::number)) {
            Long episodeId = tables.episodesOfSeason.getOrDefault(seasonId, new TreeMap<>()).get(draft.number());
            Episode current = episodeId == null ? null : tables.episodes.get(episodeId);
            Episode wanted;
            if (current == null) {
                if (seasonStored && tables.tombstoned(ItemKind.EPISODE, ItemKind.SEASON, seasonId,
                        Integer.toString(draft.number()))) {
                    tally.suppressed();
                    continue;
                }
                wanted = new Episode(episodeIds.next(), seasonId, draft.number(), draft.title(), draft.description(),
                        draft.releaseDate());
            } else {
                Set<String> locked = current.lockedFields();
                wanted = new Episode(current.id(), seasonId, draft.number(),
                        locked.contains("title") ? current.title() : draft.title(),
                        locked.contains("description") ? current.description() : draft.description(),
                        locked.contains("release_date") ? current.releaseDate() : draft.releaseDate(), locked);
                children.held |= !Objects.equals(wanted.title(), draft.title())
                        || !Objects.equals(wanted.description(), draft.description())
                        || !Objects.equals(wanted.releaseDate(), draft.releaseDate());
            }
            if (!wanted.equals(current)) {
                tables.putEpisode(wanted);
                children.changed = true;
            }
            SourceSync.Outcome sources = SourceSync.sync(tables, sourceIds, new SourceOwner.OfEpisode(wanted.id()),
                    draft.sources(), current != null, tally);
            children.changed |= sources.changed();
            children.held |= sources.held();
        }
    }

    /** The first of each number, in the drafts' order. */
    private static <D> List<D> distinct(List<D> drafts, java.util.function.ToIntFunction<D> number) {
        Map<Integer, D> byNumber = new LinkedHashMap<>();
        drafts.forEach(d -> byNumber.putIfAbsent(number.applyAsInt(d), d));
        return List.copyOf(byNumber.values());
    }
}
