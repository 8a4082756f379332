package io.freecast.catalog.jdbc.internal;

import io.freecast.catalog.domain.ActiveFilter;
import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.EpisodeQuery;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.in.CatalogQueries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import static io.freecast.catalog.jdbc.internal.schema.Tables.EPISODE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.MOVIE;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SEASON;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SHOW;
import static io.freecast.catalog.jdbc.internal.schema.Tables.SOURCE;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

/**
 * The read side in jOOQ. Trees (show → seasons → episodes → sources) are read with nested MULTISETs, so
 * every call runs a fixed number of statements — a list page is one query plus one count — however many
 * seasons, episodes and sources there are. Lists page by keyset (see {@link Keyset}), never by OFFSET.
 */
final class JooqCatalogQueries implements CatalogQueries {

    private final DSLContext dsl;

    JooqCatalogQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ---- the nested parts, shared by the queries below ----

    /** An episode with its sources, before its season's number is known. */
    private record EpisodeRow(Episode episode, List<Source> sources) {
    }

    private static Condition activeFilter(ActiveFilter filter) {
        return switch (filter) {
            case ALL -> DSL.noCondition();
            case ACTIVE_ONLY -> SOURCE.IS_ACTIVE.isTrue();
            case INACTIVE_ONLY -> SOURCE.IS_ACTIVE.isFalse();
        };
    }

    private static Field<List<Source>> sources(Condition owner, ActiveFilter filter) {
        return multiset(select(SOURCE.fields()).from(SOURCE).where(owner).and(activeFilter(filter)).orderBy(SOURCE.ID))
                .as("sources")
                .convertFrom(result -> result.map(Rows::source));
    }

    private static Field<List<EpisodeRow>> episodesOfSeason() {
        Field<List<Source>> sources = sources(SOURCE.EPISODE_ID.eq(EPISODE.ID), ActiveFilter.ALL);
        return multiset(select(EPISODE.ID, EPISODE.SEASON_ID, EPISODE.NUMBER, EPISODE.TITLE, EPISODE.DESCRIPTION,
                        EPISODE.RELEASE_DATE, sources)
                        .from(EPISODE)
                        .where(EPISODE.SEASON_ID.eq(SEASON.ID))
                        .orderBy(EPISODE.NUMBER))
                .as("episodes")
                .convertFrom(result -> result.map(r -> new EpisodeRow(Rows.episode(r), r.get(sources))));
    }

    private static Field<List<SeasonTree>> seasonsOfShow() {
        Field<List<EpisodeRow>> episodes = episodesOfSeason();
        return multiset(select(SEASON.ID, SEASON.SHOW_ID, SEASON.NUMBER, SEASON.DESCRIPTION, episodes)
                        .from(SEASON)
                        .where(SEASON.SHOW_ID.eq(SHOW.ID))
                        .orderBy(SEASON.NUMBER))
                .as("seasons")
                .convertFrom(result -> result.map(r -> {
                    int number = r.get(SEASON.NUMBER);
                    List<EpisodeTree> trees = r.get(episodes).stream()
                            .map(e -> new EpisodeTree(e.episode(), number, e.sources()))
                            .toList();
                    return new SeasonTree(Rows.season(r), trees);
                }));
    }

    // ---- shows ----

    @Override
    public Page<ShowTree> listShows(ListQuery query) {
        Field<List<SeasonTree>> seasons = seasonsOfShow();
        return listTitles(query, SHOW, SHOW.ID, SHOW.TITLE, SHOW.TITLE_SEARCH, showSortColumn(query.sort().field()),
                List.of(SHOW.fields()), seasons, r -> new ShowTree(Rows.show(r), r.get(seasons)));
    }

    @Override
    public Optional<ShowTree> findShow(long showId) {
        Field<List<SeasonTree>> seasons = seasonsOfShow();
        return dsl.select(SHOW.fields()).select(seasons).from(SHOW).where(SHOW.ID.eq(showId))
                .fetchOptional(r -> new ShowTree(Rows.show(r), r.get(seasons)));
    }

    @Override
    public Optional<List<SeasonTree>> findSeasons(long showId) {
        Field<List<SeasonTree>> seasons = seasonsOfShow();
        return dsl.select(seasons).from(SHOW).where(SHOW.ID.eq(showId)).fetchOptional(r -> r.get(seasons));
    }

    @Override
    public Optional<Page<EpisodeTree>> findEpisodes(long showId, EpisodeQuery query) {
        if (!dsl.fetchExists(SHOW, SHOW.ID.eq(showId))) {
            return Optional.empty();
        }
        Condition filter = SEASON.SHOW_ID.eq(showId);
        if (query.season() != null) {
            filter = filter.and(SEASON.NUMBER.eq(query.season()));
        }
        PageRequest page = query.page();
        boolean backwards = Keyset.backwards(page);
        Condition keyset = DSL.noCondition();
        if (page.cursor() != null) {
            int[] position = episodePosition(page.cursor());
            Condition beyond = backwards
                    ? SEASON.NUMBER.lt(position[0]).or(SEASON.NUMBER.eq(position[0]).and(EPISODE.NUMBER.lt(position[1])))
                    : SEASON.NUMBER.gt(position[0]).or(SEASON.NUMBER.eq(position[0]).and(EPISODE.NUMBER.gt(position[1])));
            keyset = beyond;
        }
        Field<List<Source>> sources = sources(SOURCE.EPISODE_ID.eq(EPISODE.ID), ActiveFilter.ALL);
        List<EpisodeTree> rows = dsl.select(EPISODE.ID, EPISODE.SEASON_ID, EPISODE.NUMBER, EPISODE.TITLE,
                        EPISODE.DESCRIPTION, EPISODE.RELEASE_DATE, SEASON.NUMBER, sources)
                .from(EPISODE).join(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID))
                .where(filter).and(keyset)
                .orderBy(backwards ? SEASON.NUMBER.desc() : SEASON.NUMBER.asc(),
                        backwards ? EPISODE.NUMBER.desc() : EPISODE.NUMBER.asc())
                .limit(page.limit() + 1)
                .fetch(r -> new EpisodeTree(Rows.episode(r), r.get(SEASON.NUMBER), r.get(sources)));
        long total = dsl.selectCount().from(EPISODE).join(SEASON).on(SEASON.ID.eq(EPISODE.SEASON_ID)).where(filter)
                .fetchSingle(0, Long.class);
        return Optional.of(Keyset.page(rows, page, EpisodeQuery.ORDER,
                e -> new Keyset.Boundary(e.seasonNumber() + ":" + e.episode().number(), e.episode().id()), total));
    }

    /** An episode cursor's position: season number and episode number, written {@code 2:7}. */
    private static int[] episodePosition(Cursor cursor) {
        String value = cursor.sortValue();
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            throw Keyset.malformedCursor();
        }
        try {
            return new int[] {Integer.parseInt(value.substring(0, colon)), Integer.parseInt(value.substring(colon + 1))};
        } catch (NumberFormatException e) {
            throw Keyset.malformedCursor();
        }
    }

    @Override
    public Optional<List<Source>> findEpisodeSources(long episodeId, ActiveFilter filter) {
        Field<List<Source>> sources = sources(SOURCE.EPISODE_ID.eq(EPISODE.ID), filter);
        return dsl.select(sources).from(EPISODE).where(EPISODE.ID.eq(episodeId)).fetchOptional(r -> r.get(sources));
    }

    // ---- movies ----

    @Override
    public Page<MovieTree> listMovies(ListQuery query) {
        Field<List<Source>> sources = sources(SOURCE.MOVIE_ID.eq(MOVIE.ID), ActiveFilter.ALL);
        return listTitles(query, MOVIE, MOVIE.ID, MOVIE.TITLE, MOVIE.TITLE_SEARCH, movieSortColumn(query.sort().field()),
                List.of(MOVIE.fields()), sources, r -> new MovieTree(Rows.movie(r), r.get(sources)));
    }

    @Override
    public Optional<MovieTree> findMovie(long movieId) {
        Field<List<Source>> sources = sources(SOURCE.MOVIE_ID.eq(MOVIE.ID), ActiveFilter.ALL);
        return dsl.select(MOVIE.fields()).select(sources).from(MOVIE).where(MOVIE.ID.eq(movieId))
                .fetchOptional(r -> new MovieTree(Rows.movie(r), r.get(sources)));
    }

    @Override
    public Optional<List<Source>> findMovieSources(long movieId, ActiveFilter filter) {
        Field<List<Source>> sources = sources(SOURCE.MOVIE_ID.eq(MOVIE.ID), filter);
        return dsl.select(sources).from(MOVIE).where(MOVIE.ID.eq(movieId)).fetchOptional(r -> r.get(sources));
    }

    // ---- the list machinery shared by shows and movies ----

    /**
     * A sortable column: how its values are written into and read back from a cursor.
     * {@code field} is {@code null} for the id order.
     */
    private record SortColumn<T>(Field<T> field, Function<String, T> parse) {

        static final SortColumn<Long> ID = new SortColumn<>(null, null);

        String format(Record r) {
            if (field == null) {
                return null;
            }
            T value = r.get(field);
            return value == null ? null : value.toString();
        }

        Condition beyond(Cursor cursor, Field<Long> id, boolean descending, boolean nullsFirst) {
            T value = null;
            if (field != null && cursor.sortValue() != null) {
                try {
                    value = parse.apply(cursor.sortValue());
                } catch (RuntimeException e) {
                    throw Keyset.malformedCursor();
                }
            }
            return Keyset.beyond(field, value, id, cursor.id(), descending, nullsFirst);
        }
    }

    private static SortColumn<?> showSortColumn(SortField field) {
        return switch (field) {
            case ID -> SortColumn.ID;
            case TITLE -> new SortColumn<>(SHOW.TITLE_SEARCH, s -> s);
            case RELEASE_DATE -> new SortColumn<>(SHOW.RELEASE_DATE, LocalDate::parse);
            case IMDB_RATING -> new SortColumn<>(SHOW.IMDB_RATING, Double::valueOf);
            case KINOPOISK_RATING -> new SortColumn<>(SHOW.KINOPOISK_RATING, Double::valueOf);
            case RELEASE_YEAR -> throw new IllegalArgumentException("shows cannot be sorted by release_year");
        };
    }

    private static SortColumn<?> movieSortColumn(SortField field) {
        return switch (field) {
            case ID -> SortColumn.ID;
            case TITLE -> new SortColumn<>(MOVIE.TITLE_SEARCH, s -> s);
            case RELEASE_DATE -> new SortColumn<>(MOVIE.RELEASE_DATE, LocalDate::parse);
            case RELEASE_YEAR -> new SortColumn<>(MOVIE.RELEASE_YEAR, Integer::valueOf);
            case IMDB_RATING -> new SortColumn<>(MOVIE.IMDB_RATING, Double::valueOf);
            case KINOPOISK_RATING -> new SortColumn<>(MOVIE.KINOPOISK_RATING, Double::valueOf);
        };
    }

    /**
     * Title search: the query is normalised like the stored {@code title_search} (case, accents and
     * punctuation folded) and matched as a literal substring. A query made only of punctuation ("%", "_")
     * normalises to nothing; it is then matched literally against the title itself.
     */
    private static Condition titleSearch(String q, Field<String> title, Field<String> titleSearch) {
        if (q == null) {
            return DSL.noCondition();
        }
        String normalised = FeedKey.normaliseTitle(q);
        return normalised.isEmpty() ? Keyset.contains(title, q) : Keyset.contains(titleSearch, normalised);
    }

    private <T> Page<T> listTitles(ListQuery query, Table<?> table, Field<Long> id, Field<String> title,
                                   Field<String> titleSearchColumn, SortColumn<?> sortColumn, List<Field<?>> columns,
                                   Field<?> children, Function<Record, T> mapper) {
        Sort sort = query.sort();
        PageRequest page = query.page();
        boolean backwards = Keyset.backwards(page);
        // Reading backwards walks the reversed order: the other direction, unknown values first.
        boolean descending = sort.descending() != backwards;
        boolean nullsFirst = backwards;
        Condition search = titleSearch(query.titleContains(), title, titleSearchColumn);
        Condition keyset = page.cursor() == null ? DSL.noCondition()
                : sortColumn.beyond(page.cursor(), id, descending, nullsFirst);
        List<Field<?>> selected = new ArrayList<>(columns);
        selected.add(children);
        List<Record> rows = dsl.select(selected).from(table)
                .where(search).and(keyset)
                .orderBy(Keyset.orderBy(sortColumn.field(), id, descending, nullsFirst))
                .limit(page.limit() + 1)
                .fetch();
        long total = dsl.selectCount().from(table).where(search).fetchSingle(0, Long.class);
        Page<Record> records = Keyset.page(rows, page, sort.wireName(),
                r -> new Keyset.Boundary(sortColumn.format(r), r.get(id)), total);
        return records.map(mapper);
    }
}
