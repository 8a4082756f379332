package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.EpisodeDraft;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.jdbc.internal.schema.tables.records.EpisodeRecord;
import io.freecast.catalog.jdbc.internal.schema.tables.records.SeasonRecord;
import io.freecast.catalog.jdbc.internal.schema.tables.records.ShowRecord;
import io.freecast.catalog.jdbc.internal.schema.tables.records.SourceRecord;
import io.freecast.catalog.port.out.ShowRepository;
import io.freecast.catalog.port.out.Transactions;
import io.freecast.catalog.port.out.UpsertOutcome;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.TableRecord;

import static io.freecast.catalog.jdbc.internal.schema.Tables.EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SEASON;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;

/**
 * Upserts shows with their seasons, episodes and sources, a batch at a time: one query per level loads
 * what is stored for every show of the batch, the differences are worked out in memory, and only the
 * rows that differ are written, each kind in a multi-row insert or a JDBC batch. The number of
 * statements per batch is bounded, whatever the number of shows, seasons or episodes in it.
 */
final class JooqShowRepository implements ShowRepository {

    private static final List<Field<?>> SHOW_INSERT = List.of(SHOW.FEED_KEY, SHOW.EXTERNAL_ID, SHOW.SLUG, SHOW.TITLE,
            SHOW.TITLE_SEARCH, SHOW.DESCRIPTION, SHOW.IMAGE, SHOW.RELEASE_DATE, SHOW.IMDB_RATING, SHOW.KINOPOISK_RATING,
            SHOW.CREATED_AT, SHOW.UPDATED_AT);
    private static final List<Field<?>> SEASON_INSERT = List.of(SEASON.SHOW_ID, SEASON.NUMBER, SEASON.DESCRIPTION);
    private static final List<Field<?>> EPISODE_INSERT = List.of(EPISODE.SEASON_ID, EPISODE.NUMBER, EPISODE.TITLE,
            EPISODE.DESCRIPTION, EPISODE.RELEASE_DATE);

    private final DSLContext dsl;
    private final Transactions transactions;
    private final Clock clock;
    private final JdbcInsert showInsert;
    private final JdbcInsert seasonInsert;
    private final JdbcInsert episodeInsert;
    private final SourceWrites.Inserts sourceInsert;

    JooqShowRepository(DSLContext dsl, Transactions transactions, Clock clock) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.clock = clock;
        this.showInsert = new JdbcInsert(dsl, SHOW, SHOW_INSERT);
        this.seasonInsert = new JdbcInsert(dsl, SEASON, SEASON_INSERT);
        this.episodeInsert = new JdbcInsert(dsl, EPISODE, EPISODE_INSERT);
        this.sourceInsert = new SourceWrites.Inserts(dsl);
    }

    @Override
    public List<UpsertOutcome> upsertAll(List<ShowDraft> shows, List<SeasonDraft> seasonsWhenNone) {
        Objects.requireNonNull(seasonsWhenNone, "seasonsWhenNone");
        if (shows.isEmpty()) {
            return List.of();
        }
        return transactions.inTransaction(() -> {
            List<UpsertOutcome> outcomes = new ArrayList<>(shows.size());
            for (List<ShowDraft> batch : Batches.uniqueKeyChunks(shows, ShowDraft::key, Batches.ROWS)) {
                outcomes.addAll(upsertBatch(batch, seasonsWhenNone));
            }
            return outcomes;
        });
    }

    /** What is stored of one show, by the numbers and URLs an upsert matches on. */
    private record StoredShow(ShowRecord row, Map<Integer, StoredSeason> seasons) {
    }

    private record StoredSeason(SeasonRecord row, Map<Integer, StoredEpisode> episodes) {
    }

    private record StoredEpisode(EpisodeRecord row, Map<String, SourceRecord> sources) {
    }

    private record SeasonTarget(int draft, long showId, SeasonDraft season, StoredSeason stored) {
    }

    private record EpisodeTarget(int draft, long seasonId, EpisodeDraft episode, StoredEpisode stored) {
    }

    /** A season by (show id, number), or an episode by (season id, number). */
    private record ChildKey(long parentId, int number) {
    }

    private List<UpsertOutcome> upsertBatch(List<ShowDraft> drafts, List<SeasonDraft> seasonsWhenNone) {
        LocalDateTime now = Rows.toDb(clock.instant());
        Map<String, StoredShow> stored = load(drafts.stream().map(d -> d.key().value()).toList());
        boolean[] childrenChanged = new boolean[drafts.size()];

        Map<String, Long> showIds = insertNewShows(drafts, stored, now);
        stored.forEach((key, show) -> showIds.put(key, show.row().getId()));

        List<SeasonTarget> seasons = upsertSeasons(drafts, stored, showIds, seasonsWhenNone, childrenChanged);
        List<EpisodeTarget> episodes = upsertEpisodes(seasons, childrenChanged);
        SourceWrites sources = new SourceWrites(sourceInsert);
        Map<ChildKey, Long> newEpisodeIds = insertEpisodes(episodes);
        for (EpisodeTarget target : episodes) {
            long episodeId = target.stored() != null ? target.stored().row().getId()
                    : newEpisodeIds.get(new ChildKey(target.seasonId(), target.episode().number()));
            Map<String, SourceRecord> storedSources = target.stored() != null ? target.stored().sources() : Map.of();
            if (sources.sync(null, episodeId, storedSources, target.episode().sources())) {
                childrenChanged[target.draft()] = true;
            }
        }
        sources.execute(dsl);

        return updateShowsAndReport(drafts, stored, childrenChanged, now);
    }

    private Map<String, StoredShow> load(List<String> keys) {
        Map<String, StoredShow> shows = new HashMap<>();
        Map<Long, StoredShow> byId = new HashMap<>();
        for (ShowRecord row : dsl.selectFrom(SHOW).where(SHOW.FEED_KEY.in(keys)).fetch()) {
            StoredShow show = new StoredShow(row, new HashMap<>());
            shows.put(row.getFeedKey(), show);
            byId.put(row.getId(), show);
        }
        if (byId.isEmpty()) {
            return shows;
        }
        Map<Long, StoredSeason> seasons = new HashMap<>();
        for (SeasonRecord row : dsl.selectFrom(SEASON).where(SEASON.SHOW_ID.in(byId.keySet())).fetch()) {
            StoredSeason season = new StoredSeason(row, new HashMap<>());
            byId.get(row.getShowId()).seasons().put(row.getNumber(), season);
            seasons.put(row.getId(), season);
        }
        if (seasons.isEmpty()) {
            return shows;
        }
        Map<Long, StoredEpisode> episodes = new HashMap<>();
        for (EpisodeRecord row : dsl.select(EPISODE.fields()).from(EPISODE).join(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID))
                .where(SEASON.SHOW_ID.in(byId.keySet())).fetchInto(EPISODE)) {
            StoredEpisode episode = new StoredEpisode(row, new HashMap<>());
            seasons.get(row.getSeasonId()).episodes().put(row.getNumber(), episode);
            episodes.put(row.getId(), episode);
        }
        if (episodes.isEmpty()) {
            return shows;
        }
        for (SourceRecord row : dsl.select(SOURCE.fields()).from(SOURCE)
                .join(EPISODE).on(EPISODE.ID.eq(SOURCE.EPISODE_ID))
                .join(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID))
                .where(SEASON.SHOW_ID.in(byId.keySet())).fetchInto(SOURCE)) {
            episodes.get(row.getEpisodeId()).sources().put(row.getUrl(), row);
        }
        return shows;
    }

    private Map<String, Long> insertNewShows(List<ShowDraft> drafts, Map<String, StoredShow> stored, LocalDateTime now) {
        List<ShowDraft> created = drafts.stream().filter(d -> !stored.containsKey(d.key().value())).toList();
        Map<String, Long> ids = new HashMap<>();
        for (List<ShowDraft> chunk : Batches.chunks(created, Batches.ROWS)) {
            showInsert.execute(dsl, chunk.stream().map(d -> Arrays.asList(d.key().value(), d.externalId(), d.slug(),
                    d.title(), FeedKey.normaliseTitle(d.title()), d.description(), d.image(), d.releaseDate(),
                    Rows.toDb(d.imdbRating()), Rows.toDb(d.kinopoiskRating()), now, now)).toList());
            // Read the new ids back by key: jOOQ emulates RETURNING on SQLite for one row only.
            dsl.select(SHOW.ID, SHOW.FEED_KEY).from(SHOW)
                    .where(SHOW.FEED_KEY.in(chunk.stream().map(d -> d.key().value()).toList()))
                    .forEach(r -> ids.put(r.value2(), r.value1()));
        }
        return ids;
    }

    private List<SeasonTarget> upsertSeasons(List<ShowDraft> drafts, Map<String, StoredShow> stored,
                                             Map<String, Long> showIds, List<SeasonDraft> seasonsWhenNone,
                                             boolean[] changed) {
        List<SeasonTarget> targets = new ArrayList<>();
        List<List<Object>> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ShowDraft draft = drafts.get(i);
            StoredShow show = stored.get(draft.key().value());
            Map<Integer, StoredSeason> storedSeasons = show == null ? Map.of() : show.seasons();
            List<SeasonDraft> wanted = draft.seasons().isEmpty() && storedSeasons.isEmpty()
                    ? seasonsWhenNone : draft.seasons();
            long showId = showIds.get(draft.key().value());
            for (SeasonDraft season : distinctByNumber(wanted)) {
                StoredSeason current = storedSeasons.get(season.number());
                if (current == null) {
                    inserts.add(Arrays.asList(showId, season.number(), season.description()));
                    changed[i] = true;
                } else if (!Objects.equals(current.row().getDescription(), season.description())) {
                    updates.add(new Object[] {season.description(), current.row().getId()});
                    changed[i] = true;
                }
                targets.add(new SeasonTarget(i, showId, season, current));
            }
        }
        if (!updates.isEmpty()) {
            Batches.executeBatch(dsl, dsl.update(SEASON).set(SEASON.DESCRIPTION, (String) null)
                    .where(SEASON.ID.eq((Long) null)), updates);
        }
        Map<ChildKey, Long> newIds = insertReturningKeys(SEASON, seasonInsert, inserts, SEASON.ID, SEASON.SHOW_ID,
                SEASON.NUMBER);
        return targets.stream().map(t -> t.stored() != null ? t : new SeasonTarget(t.draft(), t.showId(), t.season(),
                new StoredSeason(newSeasonRow(newIds.get(new ChildKey(t.showId(), t.season().number()))), Map.of())))
                .toList();
    }

    /** A season just inserted: only its id is needed further down, and it has no episodes yet. */
    private static SeasonRecord newSeasonRow(long id) {
        SeasonRecord row = new SeasonRecord();
        row.setId(id);
        return row;
    }

    private List<EpisodeTarget> upsertEpisodes(List<SeasonTarget> seasons, boolean[] changed) {
        List<EpisodeTarget> targets = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (SeasonTarget season : seasons) {
            long seasonId = season.stored().row().getId();
            for (EpisodeDraft episode : distinctEpisodes(season.season().episodes())) {
                StoredEpisode current = season.stored().episodes().get(episode.number());
                if (current == null) {
                    changed[season.draft()] = true;
                } else if (!Objects.equals(current.row().getTitle(), episode.title())
                        || !Objects.equals(current.row().getDescription(), episode.description())
                        || !Objects.equals(current.row().getReleaseDate(), episode.releaseDate())) {
                    updates.add(new Object[] {episode.title(), episode.description(), episode.releaseDate(),
                            current.row().getId()});
                    changed[season.draft()] = true;
                }
                targets.add(new EpisodeTarget(season.draft(), seasonId, episode, current));
            }
        }
        if (!updates.isEmpty()) {
            Batches.executeBatch(dsl, dsl.update(EPISODE)
                    .set(EPISODE.TITLE, (String) null)
                    .set(EPISODE.DESCRIPTION, (String) null)
                    .set(EPISODE.RELEASE_DATE, (LocalDate) null)
                    .where(EPISODE.ID.eq((Long) null)), updates);
        }
        return targets;
    }

    private Map<ChildKey, Long> insertEpisodes(List<EpisodeTarget> episodes) {
        List<List<Object>> inserts = new ArrayList<>();
        for (EpisodeTarget target : episodes) {
            if (target.stored() == null) {
                EpisodeDraft e = target.episode();
                inserts.add(Arrays.asList(target.seasonId(), e.number(), e.title(), e.description(), e.releaseDate()));
            }
        }
        return insertReturningKeys(EPISODE, episodeInsert, inserts, EPISODE.ID, EPISODE.SEASON_ID, EPISODE.NUMBER);
    }

    /**
     * Inserts (JDBC batches of one prepared statement) answering each row's id by (parent id, number), read
     * back by parent after each batch: a batch has no portable RETURNING (and jOOQ emulates it on SQLite for
     * one row only).
     */
    private <R extends TableRecord<R>> Map<ChildKey, Long> insertReturningKeys(
            Table<R> table, JdbcInsert insert, List<List<Object>> rows,
            Field<Long> id, Field<Long> parent, Field<Integer> number) {
        Map<ChildKey, Long> ids = new HashMap<>();
        for (List<List<Object>> chunk : Batches.chunks(rows, JdbcInsert.BATCH_ROWS)) {
            insert.execute(dsl, chunk);
            Set<Object> parents = new HashSet<>();
            chunk.forEach(row -> parents.add(row.getFirst()));
            for (Record3<Long, Long, Integer> r : dsl.select(id, parent, number).from(table).where(parent.in(parents))) {
                ids.put(new ChildKey(r.value2(), r.value3()), r.value1());
            }
        }
        return ids;
    }

    private List<UpsertOutcome> updateShowsAndReport(List<ShowDraft> drafts, Map<String, StoredShow> stored,
                                                     boolean[] childrenChanged, LocalDateTime now) {
        List<UpsertOutcome> outcomes = new ArrayList<>(drafts.size());
        List<Object[]> updates = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ShowDraft d = drafts.get(i);
            StoredShow show = stored.get(d.key().value());
            if (show == null) {
                outcomes.add(UpsertOutcome.CREATED);
                continue;
            }
            ShowRecord row = show.row();
            TitleColumns current = TitleColumns.stored(row);
            TitleColumns wanted = TitleColumns.wanted(d, current);
            if (!wanted.equals(current) || childrenChanged[i]) {
                updates.add(new Object[] {wanted.externalId(), wanted.slug(), wanted.title(), wanted.titleSearch(),
                        wanted.description(), wanted.image(), wanted.releaseDate(), wanted.imdbRating(),
                        wanted.kinopoiskRating(), now, row.getId()});
                outcomes.add(UpsertOutcome.UPDATED);
            } else {
                outcomes.add(UpsertOutcome.UNCHANGED);
            }
        }
        if (!updates.isEmpty()) {
            Batches.executeBatch(dsl, dsl.update(SHOW)
                    .set(SHOW.EXTERNAL_ID, (String) null)
                    .set(SHOW.SLUG, (String) null)
                    .set(SHOW.TITLE, (String) null)
                    .set(SHOW.TITLE_SEARCH, (String) null)
                    .set(SHOW.DESCRIPTION, (String) null)
                    .set(SHOW.IMAGE, (String) null)
                    .set(SHOW.RELEASE_DATE, (LocalDate) null)
                    .set(SHOW.IMDB_RATING, (Double) null)
                    .set(SHOW.KINOPOISK_RATING, (Double) null)
                    .set(SHOW.UPDATED_AT, (LocalDateTime) null)
                    .where(SHOW.ID.eq((Long) null)), updates);
        }
        return outcomes;
    }

    private static List<SeasonDraft> distinctByNumber(List<SeasonDraft> seasons) {
        Map<Integer, SeasonDraft> byNumber = new LinkedHashMap<>();
        seasons.forEach(s -> byNumber.putIfAbsent(s.number(), s));
        return List.copyOf(byNumber.values());
    }

    private static List<EpisodeDraft> distinctEpisodes(List<EpisodeDraft> episodes) {
        Map<Integer, EpisodeDraft> byNumber = new LinkedHashMap<>();
        episodes.forEach(e -> byNumber.putIfAbsent(e.number(), e));
        return List.copyOf(byNumber.values());
    }
}
