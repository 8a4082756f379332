package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Movie;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.port.in.CatalogOverview;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.ItemNotFoundException;
import java.util.Map;

/** Movies: the searchable, sortable, filterable list, and one movie with its sources. */
final class MoviePages {

    private final PageContext pages;
    private final CatalogQueries queries;
    private final CatalogOverview overview;

    MoviePages(PageContext pages, CatalogQueries queries, CatalogOverview overview) {
        this.pages = pages;
        this.queries = queries;
        this.overview = overview;
    }

    void register(AdminRoutes routes) {
        routes.get("/movies", this::list)
                .get("/movies/{id}", this::detail);
    }

    private AdminResponse list(AdminRequest request) {
        TitleListParameters parameters = TitleListParameters.read(request, SortField.forMovies());
        Page<Movie> page = overview.listMovies(parameters.query(), parameters.filters());
        Map<String, Object> model = pages.model(request, "Movies", "movies");
        model.put("list", parameters);
        model.put("movies", page.items());
        model.put("total", page.total());
        model.putAll(parameters.pagerModel(pages.url("/movies"), page));
        return pages.page("movies.jte", model);
    }

    private AdminResponse detail(AdminRequest request) {
        long id = request.id("id");
        MovieTree tree = queries.findMovie(id).orElseThrow(() -> new ItemNotFoundException("movie", id));
        Map<String, Object> model = pages.model(request, tree.movie().title(), "movies");
        model.put("tree", tree);
        return pages.page("movie.jte", model);
    }
}
