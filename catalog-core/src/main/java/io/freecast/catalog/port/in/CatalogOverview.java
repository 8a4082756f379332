package io.freecast.catalog.port.in;

import io.freecast.catalog.domain.CatalogCounts;
import io.freecast.catalog.domain.DeadLink;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.TaskRunReport;
import io.freecast.catalog.domain.TitleFilter;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog as an operator surveys it (the web admin's read side, next to {@link CatalogQueries}): its
 * size, titles narrowed by filters, the dead links, and a run's full report. Like every read, each method
 * runs a constant number of statements whatever the size of its answer.
 */
public interface CatalogOverview {

    CatalogCounts counts();

    /**
     * A page of shows, their own rows only (no seasons), searched, sorted and paged like
     * {@link CatalogQueries#listShows}, keeping only those that match every filter. With filters, the total is
     * counted up to {@link io.freecast.catalog.domain.ListQuery#SEARCH_COUNT_CAP} like a search's, and is
     * {@link io.freecast.catalog.domain.Page#UNCOUNTED} beyond: an exact count would read every match on every page.
     */
    Page<Show> listShows(ListQuery query, Set<TitleFilter> filters);

    /** A page of movies, their own rows only (no sources), as {@link #listShows} does for shows. */
    Page<Movie> listMovies(ListQuery query, Set<TitleFilter> filters);

    /**
     * Sources that are inactive or whose last check failed, by id, with their owners. The total is counted up to
     * {@link io.freecast.catalog.domain.ListQuery#SEARCH_COUNT_CAP}, {@link io.freecast.catalog.domain.Page#UNCOUNTED}
     * beyond; {@link #counts()} holds the exact number of inactive sources.
     */
    Page<DeadLink> listDeadLinks(PageRequest page);

    /** One run with its rejections and notes; empty when there is no run with that id. */
    Optional<TaskRunReport> findRun(long runId);
}
