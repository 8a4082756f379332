package io.freecast.catalog.testing;

import io.freecast.catalog.domain.ItemKind;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.LockedFields;
import io.freecast.catalog.port.out.UpsertTally;
import java.util.Set;

import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.EpisodeDraft;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.port.out.ShowRepository;
import io.freecast.catalog.port.out.UpsertOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Shows by feed key, seasons by number under their show, episodes by number under their season, sources by
 * URL under their episode. An import never deletes a season or an episode; an unchanged draft writes nothing.
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
                outcomes.add(upsert(tables, draft, seasonsWhenNone, now, tally));
            }
            return outcomes;
        });
    }

    private UpsertOutcome upsert(InMemoryTables tables, ShowDraft d, List<SeasonDraft> seasonsWhenNone, Instant now,
                                 UpsertTally tally) {
        boolean[] held = new boolean[1];
        Long storedId = tables.showIdByKey.get(d.key().value());
        if (storedId == null) {
            Show created = new Show(showIds.next(), d.key(), d.externalId(), d.slug(), d.title(), d.description(),
                    d.image(), d.releaseDate(), d.imdbRating(), d.kinopoiskRating(), now, now);
            tables.shows.put(created.id(), created);
            tables.showIdByKey.put(d.key().value(), created.id());
            upsertSeasons(tables, created.id(), d.seasons().isEmpty() ? seasonsWhenNone : d.seasons(), tally, held);
            return UpsertOutcome.CREATED;
        }
        long id = storedId;
        boolean noSeasons = d.seasons().isEmpty() && tables.seasonsOf(id).isEmpty();
        boolean childrenChanged = upsertSeasons(tables, id, noSeasons ? seasonsWhenNone : d.seasons(), tally, held);
        Show current = tables.shows.get(id);
        Set<String> locks = current.lockedFields();
        Show fromFeed = new Show(id, current.key(), d.externalId(), d.slug(), d.title(), d.description(), d.image(),
                d.releaseDate(), InMemoryMovieRepository.keepKnown(d.imdbRating(), current.imdbRating()),
                InMemoryMovieRepository.keepKnown(d.kinopoiskRating(), current.kinopoiskRating()),
                current.createdAt(), current.updatedAt(), locks);
        Show wanted = new Show(id, current.key(), d.externalId(), d.slug(),
                pick(locks, "title", current.title(), fromFeed.title()),
                pick(locks, "description", current.description(), fromFeed.description()),
                pick(locks, "image", current.image(), fromFeed.image()),
                pick(locks, "release_date", current.releaseDate(), fromFeed.releaseDate()),
                pick(locks, "imdb_rating", current.imdbRating(), fromFeed.imdbRating()),
                pick(locks, "kinopoisk_rating", current.kinopoiskRating(), fromFeed.kinopoiskRating()),
                current.createdAt(), current.updatedAt(), locks);
        if (held[0] || !wanted.equals(fromFeed)) {
            tally.locked();
        }
        if (wanted.equals(current) && !childrenChanged) {
            return UpsertOutcome.UNCHANGED;
        }
        tables.shows.put(id, new Show(id, wanted.key(), wanted.externalId(), wanted.slug(), wanted.title(),
                wanted.description(), wanted.image(), wanted.releaseDate(), wanted.imdbRating(),
                wanted.kinopoiskRating(), current.createdAt(), now, locks));
        return UpsertOutcome.UPDATED;
    }

    /** @return whether any season, episode or source changed */
    private boolean upsertSeasons(InMemoryTables tables, long showId, List<SeasonDraft> drafts, UpsertTally tally,
                                  boolean[] held) {
        boolean changed = false;
        for (SeasonDraft draft : distinct(drafts, SeasonDraft::number)) {
            Long seasonId = tables.seasonsOfShow.getOrDefault(showId, new TreeMap<>()).get(draft.number());
            Season current = seasonId == null ? null : tables.seasons.get(seasonId);
            if (current == null) {
                if (tables.tombstoned(ItemKind.SEASON, ItemRef.show(showId), Integer.toString(draft.number()))) {
                    tally.suppressed();
                    continue;
                }
                current = new Season(seasonIds.next(), showId, draft.number(), draft.description());
                tables.putSeason(current);
                changed = true;
            } else {
                String description = pick(current.lockedFields(), "description", current.description(), draft.description());
                held[0] |= !Objects.equals(description, draft.description());
                if (!Objects.equals(current.description(), description)) {
                    current = new Season(current.id(), showId, current.number(), description, current.lockedFields());
                    tables.putSeason(current);
                    changed = true;
                }
            }
            changed |= upsertEpisodes(tables, current.id(), draft.episodes(), tally, held);
        }
        return changed;
    }

    private boolean upsertEpisodes(InMemoryTables tables, long seasonId, List<EpisodeDraft> drafts, UpsertTally tally,
                                   boolean[] held) {
        boolean changed = false;
        for (EpisodeDraft draft : distinct(drafts, EpisodeDraft::number)) {
            Long episodeId = tables.episodesOfSeason.getOrDefault(seasonId, new TreeMap<>()).get(draft.number());
            Episode stored = episodeId == null ? null : tables.episodes.get(episodeId);
            if (stored == null && tables.tombstoned(ItemKind.EPISODE, ItemRef.season(seasonId),
                    Integer.toString(draft.number()))) {
                tally.suppressed();
                continue;
            }
            Set<String> locks = stored == null ? LockedFields.NONE : stored.lockedFields();
            Episode wanted = new Episode(episodeId == null ? episodeIds.next() : episodeId, seasonId, draft.number(),
                    pick(locks, "title", stored == null ? null : stored.title(), draft.title()),
                    pick(locks, "description", stored == null ? null : stored.description(), draft.description()),
                    pick(locks, "release_date", stored == null ? null : stored.releaseDate(), draft.releaseDate()), locks);
            held[0] |= !Objects.equals(wanted.title(), draft.title())
                    || !Objects.equals(wanted.description(), draft.description())
                    || !Objects.equals(wanted.releaseDate(), draft.releaseDate());
            if (!wanted.equals(stored)) {
                tables.putEpisode(wanted);
                changed = true;
            }
            changed |= SourceSync.sync(tables, sourceIds, new SourceOwner.OfEpisode(wanted.id()), draft.sources(),
                    tally, held);
        }
        return changed;
    }

    private static <T> T pick(Set<String> locks, String field, T stored, T fromFeed) {
        return InMemoryMovieRepository.pick(locks, field, stored, fromFeed);
    }

    /** The first of each number, in the drafts' order. */
    private static <D> List<D> distinct(List<D> drafts, java.util.function.ToIntFunction<D> number) {
        Map<Integer, D> byNumber = new LinkedHashMap<>();
        drafts.forEach(d -> byNumber.putIfAbsent(number.applyAsInt(d), d));
        return List.copyOf(byNumber.values());
    }
}
