package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.EpisodeDraft;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.SeasonDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.jdbc.internal.SourceWrites.StoredSource;
import io.freecast.catalog.jdbc.internal.schema.tables.records.ShowRecord;
import io.freecast.catalog.port.out.ShowRepository;
import io.freecast.catalog.port.out.UpsertOutcome;
import io.freecast.catalog.port.out.UpsertTally;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;

import static io.freecast.catalog.jdbc.internal.schema.Tables.EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SEASON;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;

/**
 * Upserts shows with their seasons, episodes and sources, a batch at a time: one query per level loads
 * what is stored for every show of the batch, the differences are worked out in memory, and only the
 * rows that differ are written, each kind in a JDBC batch. New rows get their ids beforehand from
 * {@link NewRowIds}, so their children refer to them without reading ids back; new shows are indexed and
 * counted once per batch by {@link NewTitles}. The number of statements
 * per batch is bounded, whatever the number of shows, seasons or episodes in it.
 */
final class JooqShowRepository implements ShowRepository {

    private static final List<Field<?>> SHOW_INSERT = List.of(SHOW.ID, SHOW.FEED_KEY, SHOW.EXTERNAL_ID, SHOW.SLUG,
            SHOW.TITLE, SHOW.TITLE_SEARCH, SHOW.DESCRIPTION, SHOW.IMAGE, SHOW.RELEASE_DATE, SHOW.IMDB_RATING,
            SHOW.KINOPOISK_RATING, SHOW.CREATED_AT, SHOW.UPDATED_AT);
    private static final List<Field<?>> SEASON_INSERT = List.of(SEASON.ID, SEASON.SHOW_ID, SEASON.NUMBER,
            SEASON.DESCRIPTION);
    private static final List<Field<?>> EPISODE_INSERT = List.of(EPISODE.ID, EPISODE.SEASON_ID, EPISODE.NUMBER,
            EPISODE.TITLE, EPISODE.DESCRIPTION, EPISODE.RELEASE_DATE);

    private final DSLContext dsl;
    private final JooqTransactions transactions;
    private final Clock clock;
    private final NewTitles newShows;
    private final JdbcInsert seasonInsert;
    private final JdbcInsert episodeInsert;
    private final SourceWrites.Inserts sourceInsert;
    private final NewRowIds showIds;
    private final RowsByKey<ShowRecord> storedShows;
    private final NewRowIds seasonIds;
    private final NewRowIds episodeIds;

    JooqShowRepository(DSLContext dsl, JooqTransactions transactions, Clock clock) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.clock = clock;
        this.newShows = new NewTitles(dsl, SHOW, new JdbcInsert(dsl, SHOW, SHOW_INSERT), transactions);
        this.seasonInsert = new JdbcInsert(dsl, SEASON, SEASON_INSERT);
        this.episodeInsert = new JdbcInsert(dsl, EPISODE, EPISODE_INSERT);
        this.sourceInsert = new SourceWrites.Inserts(dsl);
        this.showIds = new NewRowIds(dsl, SHOW);
        this.storedShows = new RowsByKey<>(dsl, SHOW, SHOW.FEED_KEY, TitleColumns.SHOW_COLUMNS);
        this.seasonIds = new NewRowIds(dsl, SEASON);
        this.episodeIds = new NewRowIds(dsl, EPISODE);
    }

    @Override
    public List<UpsertOutcome> upsertAll(List<ShowDraft> shows, List<SeasonDraft> seasonsWhenNone, UpsertTally tally) {
        Objects.requireNonNull(seasonsWhenNone, "seasonsWhenNone");
        if (shows.isEmpty()) {
            return List.of();
        }
        return transactions.inTransaction(() -> transactions.countingTitles("show", () -> {
            List<UpsertOutcome> outcomes = new ArrayList<>(shows.size());
            for (List<ShowDraft> batch : Batches.uniqueKeyChunks(shows, ShowDraft::key, Batches.ROWS)) {
                outcomes.addAll(upsertBatch(batch, seasonsWhenNone, tally));
            }
            return outcomes;
        }));
    }

    /** What is stored of one show, by the numbers and URLs an upsert matches on. */
    private record StoredShow(ShowRecord row, Map<Integer, StoredSeason> seasons) {
    }

    /**
     * A stored season, by what an upsert compares. Plain records, not jOOQ ones, for seasons, episodes and
     * sources: a re-import holds a batch's worth (thousands) while it compares, and a jOOQ record is
     * several times larger.
     */
    private record StoredSeason(long id, String description, String lockedFields, Map<Integer, StoredEpisode> episodes) {
    }

    private record StoredEpisode(long id, String title, String description, LocalDate releaseDate, String lockedFields,
                                 Map<String, StoredSource> sources) {
    }

    /** @param existed whether the season was stored before this batch (only then can it have tombstones) */
    private record SeasonTarget(int draft, long showId, SeasonDraft season, StoredSeason stored, boolean existed) {
    }

    private record EpisodeTarget(int draft, long seasonId, EpisodeDraft episode, StoredEpisode stored) {
    }

    /** What one batch's writes found, per draft: children changed, or a change held back by a hand lock. */
    private record BatchState(boolean[] childrenChanged, boolean[] held, ChildTombstones tombstones, UpsertTally tally) {
    }

    private List<UpsertOutcome> upsertBatch(List<ShowDraft> drafts, List<SeasonDraft> seasonsWhenNone,
                                            UpsertTally tally) {
        LocalDateTime now = Rows.toDb(clock.instant());
        Map<String, StoredShow> stored = load(drafts.stream().map(d -> d.key().value()).toList());
        BatchState state = new BatchState(new boolean[drafts.size()], new boolean[drafts.size()],
                ChildTombstones.underShows(dsl, stored.values().stream().map(s -> s.row().getId()).toList()), tally);

        Map<String, Long> showIds = insertNewShows(drafts, stored, now);
        stored.forEach((key, show) -> showIds.put(key, show.row().getId()));

        List<SeasonTarget> seasons = upsertSeasons(drafts, stored, showIds, seasonsWhenNone, state);
        List<EpisodeTarget> episodes = upsertEpisodes(seasons, state);
        SourceWrites sources = new SourceWrites(sourceInsert, state.tombstones(), tally);
        long[] episodeIds = insertEpisodes(episodes);
        for (int i = 0; i < episodes.size(); i++) {
            EpisodeTarget target = episodes.get(i);
            Map<String, StoredSource> storedSources = target.stored() != null ? target.stored().sources() : Map.of();
            if (sources.sync(null, episodeIds[i], storedSources, target.episode().sources(), target.stored() != null)) {
                state.childrenChanged()[target.draft()] = true;
            }
            if (sources.takeHeld()) {
                state.held()[target.draft()] = true;
            }
        }
        sources.execute(dsl);

        return updateShowsAndReport(drafts, stored, state, now);
    }

    private Map<String, StoredShow> load(List<String> keys) {
        Map<String, StoredShow> shows = new HashMap<>();
        Map<Long, StoredShow> byId = new HashMap<>();
        for (ShowRecord row : storedShows.fetch(dsl, keys)) {
            StoredShow show = new StoredShow(row, new HashMap<>());
            shows.put(row.getFeedKey(), show);
            byId.put(row.getId(), show);
        }
        if (byId.isEmpty()) {
            return shows;
        }
        Map<Long, StoredSeason> seasons = new HashMap<>();
        dsl.select(SEASON.ID, SEASON.SHOW_ID, SEASON.NUMBER, SEASON.DESCRIPTION, SEASON.LOCKED_FIELDS).from(SEASON)
                .where(SEASON.SHOW_ID.in(byId.keySet()))
                .forEach(row -> {
                    StoredSeason season = new StoredSeason(row.value1(), row.value4(), row.value5(), new HashMap<>());
                    byId.get(row.value2()).seasons().put(row.value3(), season);
                    seasons.put(season.id(), season);
                });
        if (seasons.isEmpty()) {
            return shows;
        }
        Map<Long, StoredEpisode> episodes = new HashMap<>();
        dsl.select(EPISODE.ID, EPISODE.SEASON_ID, EPISODE.NUMBER, EPISODE.TITLE, EPISODE.DESCRIPTION,
                        EPISODE.RELEASE_DATE, EPISODE.LOCKED_FIELDS)
                .from(EPISODE).join(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID))
                .where(SEASON.SHOW_ID.in(byId.keySet()))
                .forEach(row -> {
                    StoredEpisode episode = new StoredEpisode(row.value1(), row.value4(), row.value5(), row.value6(),
                            row.value7(), new HashMap<>());
                    seasons.get(row.value2()).episodes().put(row.value3(), episode);
                    episodes.put(episode.id(), episode);
                });
        if (episodes.isEmpty()) {
            return shows;
        }
        dsl.select(StoredSource.COLUMNS).select(SOURCE.EPISODE_ID).from(SOURCE)
                .join(EPISODE).on(EPISODE.ID.eq(SOURCE.EPISODE_ID))
                .join(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID))
                .where(SEASON.SHOW_ID.in(byId.keySet()))
                .forEach(row -> episodes.get(row.get(SOURCE.EPISODE_ID)).sources()
                        .put(row.get(SOURCE.URL), StoredSource.of(row)));
        return shows;
    }

    /** Inserts the shows not stored yet, with ids taken beforehand; answers each new show's id by key. */
    private Map<String, Long> insertNewShows(List<ShowDraft> drafts, Map<String, StoredShow> stored, LocalDateTime now) {
        List<ShowDraft> created = drafts.stream().filter(d -> !stored.containsKey(d.key().value())).toList();
        long[] ids = showIds.reserve(dsl, created.size());
        Map<String, Long> idsByKey = new HashMap<>();
        List<List<Object>> rows = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            ShowDraft d = created.get(i);
            idsByKey.put(d.key().value(), ids[i]);
            rows.add(Arrays.asList(ids[i], d.key().value(), d.externalId(), d.slug(), d.title(),
                    FeedKey.normaliseTitle(d.title()), d.description(), d.image(), d.releaseDate(),
                    Rows.toDb(d.imdbRating()), Rows.toDb(d.kinopoiskRating()), now, now));
        }
        newShows.insert(dsl, ids, rows);
        return idsByKey;
    }

    private List<SeasonTarget> upsertSeasons(List<ShowDraft> drafts, Map<String, StoredShow> stored,
                                             Map<String, Long> showIds, List<SeasonDraft> seasonsWhenNone,
                                             BatchState state) {
        boolean[] changed = state.childrenChanged();
        List<SeasonTarget> targets = new ArrayList<>();
        int created = 0;
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
                    if (show != null && state.tombstones().seasonDeleted(showId, season.number())) {
                        state.tally().suppressed();
                        continue;
                    }
                    created++;
                    changed[i] = true;
                } else {
                    String description = season.description();
                    if (LockedColumn.locks(current.lockedFields(), "description")) {
                        state.held()[i] |= !Objects.equals(description, current.description());
                        description = current.description();
                    }
                    if (!Objects.equals(current.description(), description)) {
                        updates.add(new Object[] {description, current.id()});
                        changed[i] = true;
                    }
                }
                targets.add(new SeasonTarget(i, showId, season, current, current != null));
            }
        }
        if (!updates.isEmpty()) {
            Batches.executeBatch(dsl, dsl.update(SEASON).set(SEASON.DESCRIPTION, (String) null)
                    .where(SEASON.ID.eq((Long) null)), updates);
        }
        return insertNewSeasons(targets, created);
    }

    /** Inserts the targets' new seasons, with ids taken beforehand; answers the targets, each with its row. */
    private List<SeasonTarget> insertNewSeasons(List<SeasonTarget> targets, int created) {
        long[] ids = seasonIds.reserve(dsl, created);
        List<List<Object>> rows = new ArrayList<>(created);
        List<SeasonTarget> withRows = new ArrayList<>(targets.size());
        for (SeasonTarget t : targets) {
            if (t.stored() != null) {
                withRows.add(t);
                continue;
            }
            long id = ids[rows.size()];
            rows.add(Arrays.asList(id, t.showId(), t.season().number(), t.season().description()));
            // Just inserted: only its id is needed further down, and it has no episodes yet.
            withRows.add(new SeasonTarget(t.draft(), t.showId(), t.season(),
                    new StoredSeason(id, t.season().description(), null, Map.of()), false));
        }
        seasonInsert.execute(dsl, rows);
        return withRows;
    }

    private List<EpisodeTarget> upsertEpisodes(List<SeasonTarget> seasons, BatchState state) {
        boolean[] changed = state.childrenChanged();
        List<EpisodeTarget> targets = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (SeasonTarget season : seasons) {
            long seasonId = season.stored().id();
            for (EpisodeDraft episode : distinctEpisodes(season.season().episodes())) {
                StoredEpisode current = season.stored().episodes().get(episode.number());
                if (current == null) {
                    if (season.existed() && state.tombstones().episodeDeleted(seasonId, episode.number())) {
                        state.tally().suppressed();
                        continue;
                    }
                    changed[season.draft()] = true;
                } else {
                    String title = episode.title();
                    String description = episode.description();
                    LocalDate releaseDate = episode.releaseDate();
                    String locked = current.lockedFields();
                    if (locked != null) {
                        title = LockedColumn.locks(locked, "title") ? current.title() : title;
                        description = LockedColumn.locks(locked, "description") ? current.description() : description;
                        releaseDate = LockedColumn.locks(locked, "release_date") ? current.releaseDate() : releaseDate;
                        state.held()[season.draft()] |= !Objects.equals(title, episode.title())
                                || !Objects.equals(description, episode.description())
                                || !Objects.equals(releaseDate, episode.releaseDate());
                    }
                    if (!Objects.equals(current.title(), title)
                            || !Objects.equals(current.description(), description)
                            || !Objects.equals(current.releaseDate(), releaseDate)) {
                        updates.add(new Object[] {title, description, releaseDate, current.id()});
                        changed[season.draft()] = true;
                    }
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

    /**
     * Inserts the targets' new episodes, with ids taken beforehand.
     *
     * @return each target's episode id, stored or new, in the targets' order
     */
    private long[] insertEpisodes(List<EpisodeTarget> episodes) {
        int created = (int) episodes.stream().filter(t -> t.stored() == null).count();
        long[] newIds = this.episodeIds.reserve(dsl, created);
        long[] ids = new long[episodes.size()];
        List<List<Object>> rows = new ArrayList<>(created);
        for (int i = 0; i < episodes.size(); i++) {
            EpisodeTarget target = episodes.get(i);
            if (target.stored() != null) {
                ids[i] = target.stored().id();
                continue;
            }
            EpisodeDraft e = target.episode();
            ids[i] = newIds[rows.size()];
            rows.add(Arrays.asList(ids[i], target.seasonId(), e.number(), e.title(), e.description(), e.releaseDate()));
        }
        episodeInsert.execute(dsl, rows);
        return ids;
    }

    private List<UpsertOutcome> updateShowsAndReport(List<ShowDraft> drafts, Map<String, StoredShow> stored,
                                                     BatchState state, LocalDateTime now) {
        boolean[] childrenChanged = state.childrenChanged();
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
            TitleColumns fromFeed = TitleColumns.wanted(d, current);
            TitleColumns wanted = fromFeed.keepLocked(row.getLockedFields(), current);
            if (!wanted.titleSearch().equals(current.titleSearch())) {
                transactions.titleRenamed("show");
            }
            if (state.held()[i] || wanted != fromFeed && !wanted.equals(fromFeed)) {
                state.tally().locked();
            }
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
