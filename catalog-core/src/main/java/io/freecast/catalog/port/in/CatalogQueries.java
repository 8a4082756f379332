package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.ActiveFilter;
import io.freecast.catalog.domain.EpisodeQuery;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.ShowTree;
import java.util.List;
import java.util.Optional;

/**
 * The read side of the catalog: everything the read API serves.
 *
 * <p>Every method answers in a bounded number of database statements, whatever the size of the answer,
 * and every list has a stable order. {@code find*} methods return empty when the parent does not exist,
 * so "no such show" and "a show without episodes" can be told apart.
 */
public interface CatalogQueries {

    /** A page of shows, each with its whole tree. */
    Page<ShowTree> listShows(ListQuery query);

    Optional<ShowTree> findShow(long showId);

    /** All seasons of a show, by number, with episodes and sources. */
    Optional<List<SeasonTree>> findSeasons(long showId);

    /** A page of a show's episodes ordered by (season number, episode number), each with its sources. */
    Optional<Page<EpisodeTree>> findEpisodes(long showId, EpisodeQuery query);

    /** The sources of an episode, by id. */
    Optional<List<Source>> findEpisodeSources(long episodeId, ActiveFilter filter);

    /** A page of movies, each with its sources. */
    Page<MovieTree> listMovies(ListQuery query);

    Optional<MovieTree> findMovie(long movieId);

    /** The sources of a movie, by id. */
    Optional<List<Source>> findMovieSources(long movieId, ActiveFilter filter);
}
