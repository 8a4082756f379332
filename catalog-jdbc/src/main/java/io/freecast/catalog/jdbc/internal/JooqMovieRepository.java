package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.jdbc.internal.SourceWrites.StoredSource;
import io.freecast.catalog.jdbc.internal.schema.tables.records.MovieRecord;
import io.freecast.catalog.port.out.MovieRepository;
import io.freecast.catalog.port.out.UpsertOutcome;
import io.freecast.catalog.port.out.UpsertTally;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;

import static io.freecast.catalog.jdbc.internal.schema.Tables.MOVIE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;

/**
 * Upserts movies with their sources, a batch at a time: two queries load what is stored for the whole
 * batch, the differences are worked out in memory, and only what differs is written, in JDBC batches
 * (new rows through {@link JdbcInsert}, which skips building a jOOQ query per chunk, with ids taken
 * beforehand from {@link NewRowIds}, so nothing is read back; {@link NewTitles} adds them to the title
 * search index and {@code title_count} once per batch).
 */
final class JooqMovieRepository implements MovieRepository {

    private static final List<Field<?>> MOVIE_INSERT = List.of(MOVIE.ID, MOVIE.FEED_KEY, MOVIE.EXTERNAL_ID, MOVIE.SLUG,
            MOVIE.TITLE, MOVIE.TITLE_SEARCH, MOVIE.DESCRIPTION, MOVIE.IMAGE, MOVIE.RELEASE_DATE, MOVIE.RELEASE_YEAR,
            MOVIE.IMDB_RATING, MOVIE.KINOPOISK_RATING, MOVIE.CREATED_AT, MOVIE.UPDATED_AT);

    private final DSLContext dsl;
    private final JooqTransactions transactions;
    private final Clock clock;
    private final NewTitles newMovies;
    private final NewRowIds movieIds;
    private final RowsByKey<MovieRecord> storedMovies;
    private final SourceWrites.Inserts sourceInsert;

    JooqMovieRepository(DSLContext dsl, JooqTransactions transactions, Clock clock) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.clock = clock;
        this.newMovies = new NewTitles(dsl, MOVIE, new JdbcInsert(dsl, MOVIE, MOVIE_INSERT), transactions);
        this.movieIds = new NewRowIds(dsl, MOVIE);
        this.storedMovies = new RowsByKey<>(dsl, MOVIE, MOVIE.FEED_KEY, TitleColumns.MOVIE_COLUMNS);
        this.sourceInsert = new SourceWrites.Inserts(dsl);
    }

    @Override
    public List<UpsertOutcome> upsertAll(List<MovieDraft> movies, UpsertTally tally) {
        if (movies.isEmpty()) {
            return List.of();
        }
        return transactions.inTransaction(() -> transactions.countingTitles("movie", () -> {
            List<UpsertOutcome> outcomes = new ArrayList<>(movies.size());
            for (List<MovieDraft> batch : Batches.uniqueKeyChunks(movies, MovieDraft::key, Batches.ROWS)) {
                outcomes.addAll(upsertBatch(batch, tally));
            }
            return outcomes;
        }));
    }

    private record StoredMovie(MovieRecord row, Map<String, StoredSource> sources) {
    }

    private List<UpsertOutcome> upsertBatch(List<MovieDraft> drafts, UpsertTally tally) {
        LocalDateTime now = Rows.toDb(clock.instant());
        Map<String, StoredMovie> stored = load(drafts.stream().map(d -> d.key().value()).toList());
        Map<String, Long> newIds = insertNewMovies(drafts, stored, now);

        ChildTombstones tombstones = ChildTombstones.underMovies(dsl,
                stored.values().stream().map(m -> m.row().getId()).toList());
        SourceWrites sources = new SourceWrites(sourceInsert, tombstones, tally);
        boolean[] sourcesChanged = new boolean[drafts.size()];
        boolean[] held = new boolean[drafts.size()];
        for (int i = 0; i < drafts.size(); i++) {
            MovieDraft draft = drafts.get(i);
            StoredMovie movie = stored.get(draft.key().value());
            long id = movie != null ? movie.row().getId() : newIds.get(draft.key().value());
            sourcesChanged[i] = sources.sync(id, null, movie != null ? movie.sources() : Map.of(), draft.sources(),
                    movie != null);
            held[i] = sources.takeHeld();
        }
        sources.execute(dsl);
        return updateMoviesAndReport(drafts, stored, sourcesChanged, held, tally, now);
    }

    private Map<String, StoredMovie> load(List<String> keys) {
        Map<String, StoredMovie> movies = new HashMap<>();
        Map<Long, StoredMovie> byId = new HashMap<>();
        for (MovieRecord row : storedMovies.fetch(dsl, keys)) {
            StoredMovie movie = new StoredMovie(row, new HashMap<>());
            movies.put(row.getFeedKey(), movie);
            byId.put(row.getId(), movie);
        }
        if (!byId.isEmpty()) {
            dsl.select(StoredSource.COLUMNS).select(SOURCE.MOVIE_ID).from(SOURCE)
                    .where(SOURCE.MOVIE_ID.in(byId.keySet()))
                    .forEach(row -> byId.get(row.get(SOURCE.MOVIE_ID)).sources()
                            .put(row.get(SOURCE.URL), StoredSource.of(row)));
        }
        return movies;
    }

    /** Inserts the movies not stored yet, with ids taken beforehand; answers each new movie's id by key. */
    private Map<String, Long> insertNewMovies(List<MovieDraft> drafts, Map<String, StoredMovie> stored,
                                              LocalDateTime now) {
        List<MovieDraft> created = drafts.stream().filter(d -> !stored.containsKey(d.key().value())).toList();
        long[] ids = movieIds.reserve(dsl, created.size());
        Map<String, Long> idsByKey = new HashMap<>();
        List<List<Object>> rows = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            MovieDraft d = created.get(i);
            idsByKey.put(d.key().value(), ids[i]);
            rows.add(Arrays.asList(ids[i], d.key().value(), d.externalId(), d.slug(), d.title(),
                    FeedKey.normaliseTitle(d.title()), d.description(), d.image(), d.releaseDate(), d.releaseYear(),
                    Rows.toDb(d.imdbRating()), Rows.toDb(d.kinopoiskRating()), now, now));
        }
        newMovies.insert(dsl, ids, rows);
        return idsByKey;
    }

    private List<UpsertOutcome> updateMoviesAndReport(List<MovieDraft> drafts, Map<String, StoredMovie> stored,
                                                      boolean[] sourcesChanged, boolean[] held, UpsertTally tally,
                                                      LocalDateTime now) {
        List<UpsertOutcome> outcomes = new ArrayList<>(drafts.size());
        List<Object[]> updates = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            MovieDraft d = drafts.get(i);
            StoredMovie movie = stored.get(d.key().value());
            if (movie == null) {
                outcomes.add(UpsertOutcome.CREATED);
                continue;
            }
            MovieRecord row = movie.row();
            TitleColumns current = TitleColumns.stored(row);
            TitleColumns fromFeed = TitleColumns.wanted(d, current);
            TitleColumns wanted = fromFeed.keepLocked(row.getLockedFields(), current);
            if (!wanted.titleSearch().equals(current.titleSearch())) {
                transactions.titleRenamed("movie");
            }
            if (held[i] || wanted != fromFeed && !wanted.equals(fromFeed)) {
                tally.locked();
            }
            if (!wanted.equals(current) || sourcesChanged[i]) {
                updates.add(new Object[] {wanted.externalId(), wanted.slug(), wanted.title(), wanted.titleSearch(),
                        wanted.description(), wanted.image(), wanted.releaseDate(), wanted.releaseYear(),
                        wanted.imdbRating(), wanted.kinopoiskRating(), now, row.getId()});
                outcomes.add(UpsertOutcome.UPDATED);
            } else {
                outcomes.add(UpsertOutcome.UNCHANGED);
            }
        }
        if (!updates.isEmpty()) {
            Batches.executeBatch(dsl, dsl.update(MOVIE)
                    .set(MOVIE.EXTERNAL_ID, (String) null)
                    .set(MOVIE.SLUG, (String) null)
                    .set(MOVIE.TITLE, (String) null)
                    .set(MOVIE.TITLE_SEARCH, (String) null)
                    .set(MOVIE.DESCRIPTION, (String) null)
                    .set(MOVIE.IMAGE, (String) null)
                    .set(MOVIE.RELEASE_DATE, (LocalDate) null)
                    .set(MOVIE.RELEASE_YEAR, (Integer) null)
                    .set(MOVIE.IMDB_RATING, (Double) null)
                    .set(MOVIE.KINOPOISK_RATING, (Double) null)
                    .set(MOVIE.UPDATED_AT, (LocalDateTime) null)
                    .where(MOVIE.ID.eq((Long) null)), updates);
        }
        return outcomes;
    }
}
