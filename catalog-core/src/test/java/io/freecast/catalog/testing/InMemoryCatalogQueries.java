package io.freecast.catalog.testing;

import io.freecast.catalog.domain.ActiveFilter;
import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.Episode;
import io.freecast.catalog.domain.EpisodeQuery;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.FeedKey;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.Rating;
import io.freecast.catalog.domain.Season;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.testing.KeysetPages.CodePoints;
import io.freecast.catalog.testing.KeysetPages.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The read side over the in-memory tables, with the database adapter's orders, search and cursors: titles sort
 * by their normalised form in code point order, unknown values last, the id breaking ties; the title search
 * folds case, accents and punctuation and takes everything else literally.
 */
final class InMemoryCatalogQueries implements CatalogQueries {

    private final InMemoryTransactions transactions;

    InMemoryCatalogQueries(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    // ------------------------------------------------------------------ shows

    @Override
    public Page<ShowTree> listShows(ListQuery query) {
        if (query.sort().field() == SortField.RELEASE_YEAR) {
            throw new IllegalArgumentException("shows cannot be sorted by release_year");
        }
        return transactions.read(tables -> titlePage(tables.shows.values(), query, Show::id, Show::title,
                show -> showValue(show, query.sort().field())).map(show -> tree(tables, show)));
    }

    private static Comparable<?> showValue(Show show, SortField field) {
        return switch (field) {
            case ID -> null;
            case TITLE -> new CodePoints(FeedKey.normaliseTitle(show.title()));
            case RELEASE_DATE -> show.releaseDate();
            case IMDB_RATING -> value(show.imdbRating());
            case KINOPOISK_RATING -> value(show.kinopoiskRating());
            case RELEASE_YEAR -> throw new IllegalArgumentException("shows cannot be sorted by release_year");
        };
    }

    @Override
    public Optional<ShowTree> findShow(long showId) {
        return transactions.read(tables -> Optional.ofNullable(tables.shows.get(showId)).map(show -> tree(tables, show)));
    }

    @Override
    public Optional<List<SeasonTree>> findSeasons(long showId) {
        return findShow(showId).map(ShowTree::seasons);
    }

    @Override
    public Optional<Page<EpisodeTree>> findEpisodes(long showId, EpisodeQuery query) {
        return transactions.read(tables -> {
            if (!tables.shows.containsKey(showId)) {
                return Optional.empty();
            }
            List<Row<EpisodeTree>> rows = new ArrayList<>();
            for (Season season : tables.seasonsOf(showId)) {
                if (query.season() != null && query.season() != season.number()) {
                    continue;
                }
                for (Episode episode : tables.episodesOf(season.id())) {
                    EpisodeTree tree = new EpisodeTree(episode, season.number(),
                            tables.sourcesOf(new SourceOwner.OfEpisode(episode.id())));
                    rows.add(new Row<>(tree, null, season.number() + ":" + episode.number(), episode.id()));
                }
            }
            Comparator<Row<EpisodeTree>> order = Comparator.comparingInt((Row<EpisodeTree> r) -> r.item().seasonNumber())
                    .thenComparingInt(r -> r.item().episode().number());
            Cursor cursor = query.page().cursor();
            Row<EpisodeTree> boundary = null;
            if (cursor != null) {
                int[] position = position(cursor);
                Episode at = new Episode(cursor.id(), 0, position[1], null, null, null);
                boundary = new Row<>(new EpisodeTree(at, position[0], List.of()), null, cursor.sortValue(), cursor.id());
            }
            return Optional.of(KeysetPages.page(rows, order, query.page(), EpisodeQuery.ORDER, boundary));
        });
    }

    /** An episode cursor's position: season number and episode number, written {@code 2:7}. */
    private static int[] position(Cursor cursor) {
        String value = cursor.sortValue();
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            throw KeysetPages.malformedCursor();
        }
        try {
            return new int[] {Integer.parseInt(value.substring(0, colon)), Integer.parseInt(value.substring(colon + 1))};
        } catch (NumberFormatException e) {
            throw KeysetPages.malformedCursor();
        }
    }

    @Override
    public Optional<List<Source>> findEpisodeSources(long episodeId, ActiveFilter filter) {
        return transactions.read(tables -> tables.episodes.containsKey(episodeId)
                ? Optional.of(filtered(tables.sourcesOf(new SourceOwner.OfEpisode(episodeId)), filter))
                : Optional.empty());
    }

    // ------------------------------------------------------------------ movies

    @Override
    public Page<MovieTree> listMovies(ListQuery query) {
        return transactions.read(tables -> titlePage(tables.movies.values(), query, Movie::id, Movie::title,
                movie -> movieValue(movie, query.sort().field())).map(movie -> tree(tables, movie)));
    }

    private static Comparable<?> movieValue(Movie movie, SortField field) {
        return switch (field) {
            case ID -> null;
            case TITLE -> new CodePoints(FeedKey.normaliseTitle(movie.title()));
            case RELEASE_DATE -> movie.releaseDate();
            case RELEASE_YEAR -> movie.releaseYear();
            case IMDB_RATING -> value(movie.imdbRating());
            case KINOPOISK_RATING -> value(movie.kinopoiskRating());
        };
    }

    @Override
    public Optional<MovieTree> findMovie(long movieId) {
        return transactions.read(tables -> Optional.ofNullable(tables.movies.get(movieId)).map(m -> tree(tables, m)));
    }

    @Override
    public Optional<List<Source>> findMovieSources(long movieId, ActiveFilter filter) {
        return transactions.read(tables -> tables.movies.containsKey(movieId)
                ? Optional.of(filtered(tables.sourcesOf(new SourceOwner.OfMovie(movieId)), filter))
                : Optional.empty());
    }

    // ------------------------------------------------------------------ shared

    private static <T> Page<T> titlePage(Iterable<T> all, ListQuery query, Function<T, Long> id,
                                         Function<T, String> title, Function<T, Comparable<?>> sortValue) {
        List<Row<T>> rows = new ArrayList<>();
        for (T item : all) {
            if (matches(title.apply(item), query.titleContains())) {
                rows.add(KeysetPages.row(item, sortValue.apply(item), id.apply(item)));
            }
        }
        Comparator<Row<T>> order = KeysetPages.order(query.sort().descending());
        rows.sort(order);
        Cursor cursor = query.page().cursor();
        Row<T> boundary = cursor == null ? null
                : KeysetPages.row(null, parse(query.sort().field(), cursor.sortValue()), cursor.id());
        Page<T> page = KeysetPages.page(rows, order, query.page(), query.sort().wireName(), boundary);
        // A search counts its matches up to the cap only, as the database stores do.
        return query.titleContains() != null && page.total() > ListQuery.SEARCH_COUNT_CAP
                ? new Page<>(page.items(), page.next(), page.previous(), Page.UNCOUNTED) : page;
    }

    /** A cursor's sort value read back as the list's values compare. */
    private static Comparable<?> parse(SortField field, String text) {
        if (text == null || field == SortField.ID) {
            return null;
        }
        try {
            return switch (field) {
                case ID -> null;
                case TITLE -> new CodePoints(text);
                case RELEASE_DATE -> LocalDate.parse(text);
                case RELEASE_YEAR -> Integer.valueOf(text);
                case IMDB_RATING, KINOPOISK_RATING -> Double.valueOf(text);
            };
        } catch (RuntimeException e) {
            throw KeysetPages.malformedCursor();
        }
    }

    /**
     * The search rule: the query normalised like titles are, as a literal substring of the normalised title; a
     * query made only of punctuation ("%", "_") normalises to nothing and is then a literal substring of the title.
     */
    private static boolean matches(String title, String query) {
        if (query == null) {
            return true;
        }
        String normalised = FeedKey.normaliseTitle(query);
        return normalised.isEmpty() ? title.contains(query) : FeedKey.normaliseTitle(title).contains(normalised);
    }

    private static Double value(Rating rating) {
        return rating == null ? null : rating.value();
    }

    private static ShowTree tree(InMemoryTables tables, Show show) {
        List<SeasonTree> seasons = new ArrayList<>();
        for (Season season : tables.seasonsOf(show.id())) {
            List<EpisodeTree> episodes = new ArrayList<>();
            for (Episode episode : tables.episodesOf(season.id())) {
                episodes.add(new EpisodeTree(episode, season.number(),
                        tables.sourcesOf(new SourceOwner.OfEpisode(episode.id()))));
            }
            seasons.add(new SeasonTree(season, episodes));
        }
        return new ShowTree(show, seasons);
    }

    private static MovieTree tree(InMemoryTables tables, Movie movie) {
        return new MovieTree(movie, tables.sourcesOf(new SourceOwner.OfMovie(movie.id())));
    }

    private static List<Source> filtered(List<Source> sources, ActiveFilter filter) {
        return sources.stream().filter(source -> filter.accepts(source.active())).toList();
    }
}
