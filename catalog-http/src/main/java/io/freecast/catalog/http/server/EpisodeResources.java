package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.in.CatalogQueries;
import java.util.List;

/**
 * {@code /episodes/{id}/sources}, also at {@code /shows/episodes/{id}/sources}: the reference documented
 * the first and served the second, so its clients may use either.
 */
final class EpisodeResources {

    private final CatalogQueries queries;

    EpisodeResources(CatalogQueries queries) {
        this.queries = queries;
    }

    void register(ApiRoutes routes) {
        routes.get("/episodes/{id}/sources", this::sources)
                .get("/shows/episodes/{id}/sources", this::sources);
    }

    ApiResponse sources(ApiRequest request) {
        long id = request.idParameter("id");
        List<Source> sources = queries.findEpisodeSources(id, ListParameters.activeFilter(request))
                .orElseThrow(() -> ApiProblem.notFound("episode " + id + " does not exist"));
        return ApiResponse.json(JsonViews.sources(sources));
    }
}
