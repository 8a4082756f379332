package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.port.in.CatalogQueries;
import java.util.List;

/** {@code /movies/}, {@code /movies/{id}}, {@code /movies/{id}/sources}. */
final class MovieResources {

    private final CatalogQueries queries;

    MovieResources(CatalogQueries queries) {
        this.queries = queries;
    }

    void register(ApiRoutes routes) {
        routes.get("/movies", this::list)
                .get("/movies/{id}", this::one)
                .get("/movies/{id}/sources", this::sources);
    }

    ApiResponse list(ApiRequest request) {
        ListQuery query = ListParameters.listQuery(request, SortField.forMovies());
        Page<MovieTree> page = queries.listMovies(query);
        return Paging.respond(request, page, page.items().stream().map(JsonViews::movie).toList(),
                ListParameters.shaping(request, ListParameters.LIMIT, ListParameters.SORT, ListParameters.Q));
    }

    ApiResponse one(ApiRequest request) {
        long id = request.idParameter("id");
        MovieTree movie = queries.findMovie(id).orElseThrow(() -> missing(id));
        return ApiResponse.json(JsonViews.movie(movie));
    }

    ApiResponse sources(ApiRequest request) {
        long id = request.idParameter("id");
        List<Source> sources = queries.findMovieSources(id, ListParameters.activeFilter(request))
                .orElseThrow(() -> missing(id));
        return ApiResponse.json(JsonViews.sources(sources));
    }

    private static ApiProblem missing(long id) {
        return ApiProblem.notFound("movie " + id + " does not exist");
    }
}
