package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.EpisodeQuery;
import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.port.in.CatalogQueries;
import java.util.List;

/** {@code /shows/}, {@code /shows/{id}}, {@code /shows/{id}/seasons}, {@code /shows/{id}/episodes}. */
final class ShowResources {

    private final CatalogQueries queries;

    ShowResources(CatalogQueries queries) {
        this.queries = queries;
    }

    void register(ApiRoutes routes) {
        routes.get("/shows", this::list)
                .get("/shows/{id}", this::one)
                .get("/shows/{id}/seasons", this::seasons)
                .get("/shows/{id}/episodes", this::episodes);
    }

    ApiResponse list(ApiRequest request) {
        ListQuery query = ListParameters.listQuery(request, SortField.forShows());
        Page<ShowTree> page = queries.listShows(query);
        return Paging.respond(request, page, page.items().stream().map(JsonViews::show).toList(),
                ListParameters.shaping(request, ListParameters.LIMIT, ListParameters.SORT, ListParameters.Q));
    }

    ApiResponse one(ApiRequest request) {
        long id = request.idParameter("id");
        ShowTree show = queries.findShow(id).orElseThrow(() -> missing(id));
        return ApiResponse.json(JsonViews.show(show));
    }

    ApiResponse seasons(ApiRequest request) {
        long id = request.idParameter("id");
        List<SeasonTree> seasons = queries.findSeasons(id).orElseThrow(() -> missing(id));
        return ApiResponse.json(seasons.stream().map(JsonViews::season).toList());
    }

    ApiResponse episodes(ApiRequest request) {
        long id = request.idParameter("id");
        EpisodeQuery query = ListParameters.episodeQuery(request);
        Page<EpisodeTree> page = queries.findEpisodes(id, query).orElseThrow(() -> missing(id));
        return Paging.respond(request, page, page.items().stream().map(JsonViews::episode).toList(),
                ListParameters.shaping(request, ListParameters.LIMIT, ListParameters.SEASON));
    }

    private static ApiProblem missing(long id) {
        return ApiProblem.notFound("show " + id + " does not exist");
    }
}
