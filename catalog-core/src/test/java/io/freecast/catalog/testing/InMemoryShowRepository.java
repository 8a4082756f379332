package io.freecast.catalog.testing;

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
    public List<UpsertOutcome> upsertAll(List<ShowDraft> shows, List<SeasonDraft> seasonsWhenNone) {
        Objects.requireNonNull(seasonsWhenNone, "seasonsWhenNone");
        if (shows.isEmpty()) {
            return List.of();
        }
        return transactions.write(tables -> {
            Instant now = clock.instant();
            List<UpsertOutcome> outcomes = new ArrayList<>(shows.size());
            for (ShowDraft draft : shows) {
                outcomes.add(upsert(tables, draft, seasonsWhenNone, now));
            }
            return outcomes;
        });
    }

    private UpsertOutcome upsert(InMemoryTables tables, ShowDraft d, List<SeasonDraft> seasonsWhenNone, Instant now) {
        Long storedId = tables.showIdByKey.get(d.key().value());
        if (storedId == null) {
            Show created = new Show(showIds.next(), d.key(), d.externalId(), d.slug(), d.title(), d.description(),
                    d.image(), d.releaseDate(), d.imdbRating(), d.kinopoiskRating(), now, now);
            tables.shows.put(created.id(), created);
            tables.showIdByKey.put(d.key().value(), created.id());
            upsertSeasons(tables, created.id(), d.seasons().isEmpty() ? seasonsWhenNone : d.seasons());
            return UpsertOutcome.CREATED;
        }
        long id = storedId;
        boolean noSeasons = d.seasons().isEmpty() && tables.seasonsOf(id).isEmpty();
        boolean childrenChanged = upsertSeasons(tables, id, noSeasons ? seasonsWhenNone : d.seasons());
        Show current = tables.shows.get(id);
        Show wanted = new Show(id, current.key(), d.externalId(), d.slug(), d.title(), d.description(), d.image(),
                d.releaseDate(), InMemoryMovieRepository.keepKnown(d.imdbRating(), current.imdbRating()),
                InMemoryMovieRepository.keepKnown(d.kinopoiskRating(), current.kinopoiskRating()),
                current.createdAt(), current.updatedAt());
        if (wanted.equals(current) && !childrenChanged) {
            return UpsertOutcome.UNCHANGED;
        }
        tables.shows.put(id, new Show(id, wanted.key(), wanted.externalId(), wanted.slug(), wanted.title(),
                wanted.description(), wanted.image(), wanted.releaseDate(), wanted.imdbRating(),
                wanted.kinopoiskRating(), current.createdAt(), now));
        return UpsertOutcome.UPDATED;
    }

    /** @return whether any season, episode or source changed */
    private boolean upsertSeasons(InMemoryTables tables, long showId, List<SeasonDraft> drafts) {
        boolean changed = false;
        for (SeasonDraft draft : distinct(drafts, SeasonDraft::number)) {
            Long seasonId = tables.seasonsOfShow.getOrDefault(showId, new TreeMap<>()).get(draft.number());
            Season current = seasonId == null ? null : tables.seasons.get(seasonId);
            if (current == null) {
                current = new Season(seasonIds.next(), showId, draft.number(), draft.description());
                tables.putSeason(current);
                changed = true;
            } else if (!Objects.equals(current.description(), draft.description())) {
                current = new Season(current.id(), showId, current.number(), draft.description());
                tables.putSeason(current);
                changed = true;
            }
            changed |= upsertEpisodes(tables, current.id(), draft.episodes());
        }
        return changed;
    }

    private boolean upsertEpisodes(InMemoryTables tables, long seasonId, List<EpisodeDraft> drafts) {
        boolean changed = false;
        for (EpisodeDraft draft : distinct(drafts, EpisodeDraft::number)) {
            Long episodeId = tables.episodesOfSeason.getOrDefault(seasonId, new TreeMap<>()).get(draft.number());
            Episode wanted = new Episode(episodeId == null ? episodeIds.next() : episodeId, seasonId, draft.number(),
                    draft.title(), draft.description(), draft.releaseDate());
            if (!wanted.equals(episodeId == null ? null : tables.episodes.get(episodeId))) {
                tables.putEpisode(wanted);
                changed = true;
            }
            changed |= SourceSync.sync(tables, sourceIds, new SourceOwner.OfEpisode(wanted.id()), draft.sources());
        }
        return changed;
    }

    /** The first of each number, in the drafts' order. */
    private static <D> List<D> distinct(List<D> drafts, java.util.function.ToIntFunction<D> number) {
        Map<Integer, D> byNumber = new LinkedHashMap<>();
        drafts.forEach(d -> byNumber.putIfAbsent(number.applyAsInt(d), d));
        return List.copyOf(byNumber.values());
    }
}
