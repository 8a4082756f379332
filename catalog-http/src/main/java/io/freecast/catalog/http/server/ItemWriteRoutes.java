package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.port.in.CatalogEditing;
import java.util.List;

/**
 * The write routes of shows, movies, seasons, episodes and sources, on the read API's own paths, and the
 * single-item reads of seasons, episodes and sources that an editor reads a version from:
 *
 * <pre>
 * POST   /shows/   /movies/                       create (201, Location)
 * PATCH  /shows/{id} /movies/{id} /seasons/{id} /episodes/{id} /sources/{id}   JSON Merge Patch (If-Match)
 * DELETE the same                                 delete (If-Match; 204)
 * POST   /shows/{id}/seasons  /seasons/{id}/episodes  /movies/{id}/sources  /episodes/{id}/sources
 * DELETE …/{id}/locks/{field}                     unlock a field changed by hand (If-Match)
 * GET    /seasons/{id}  /episodes/{id}  /sources/{id}
 * </pre>
 */
final class ItemWriteRoutes {

    /** A show's data is in show, season and episode responses, and its episodes' sources in source lists. */
    private static final List<String> SHOW_TREES = List.of("/shows", "/seasons", "/episodes", "/sources");
    private static final List<String> MOVIES = List.of("/movies", "/sources");
    /** A source belongs to a movie or to an episode of a show: every response that may list it. */
    private static final List<String> SOURCES = List.of("/movies", "/shows", "/seasons", "/episodes", "/sources");

    static final CatalogWrites.Kind<ShowTree> SHOW = new CatalogWrites.Kind<>("/shows/", JsonViews::show,
            ItemRef::show, SHOW_TREES);
    static final CatalogWrites.Kind<MovieTree> MOVIE = new CatalogWrites.Kind<>("/movies/", JsonViews::movie,
            ItemRef::movie, MOVIES);
    static final CatalogWrites.Kind<SeasonTree> SEASON = new CatalogWrites.Kind<>("/seasons/", JsonViews::season,
            ItemRef::season, SHOW_TREES);
    static final CatalogWrites.Kind<EpisodeTree> EPISODE = new CatalogWrites.Kind<>("/episodes/",
            JsonViews::episode, ItemRef::episode, SHOW_TREES);
    static final CatalogWrites.Kind<Source> SOURCE = new CatalogWrites.Kind<>("/sources/", JsonViews::source,
            ItemRef::source, SOURCES);

    private final CatalogEditing editing;
    private final CatalogWrites writes;

    ItemWriteRoutes(CatalogEditing editing, CatalogWrites writes) {
        this.editing = editing;
        this.writes = writes;
    }

    /**
     * @param reads where the single-item GETs go (behind authentication when reads are private)
     * @param all   where the writes go (each authenticates itself)
     */
    void register(ApiRoutes reads, ApiRoutes all) {
        reads.get("/seasons/{id}", this::season)
                .get("/episodes/{id}", this::episode)
                .get("/sources/{id}", this::source);

        all.post("/shows", r -> writes.create(r, SHOW, null, ItemBodies::show,
                        (caller, parent, fields) -> editing.createShow(caller, fields), tree -> tree.show().id()))
                .patch("/shows/{id}", r -> writes.change(r, SHOW, ItemBodies::show, editing::changeShow))
                .delete("/shows/{id}", r -> writes.delete(r, SHOW, editing::deleteShow))
                .post("/shows/{id}/seasons", r -> writes.create(r, SEASON, "id", ItemBodies::season,
                        editing::createSeason, tree -> tree.season().id()))
                .delete("/shows/{id}/locks/{field}", r -> writes.unlock(r, SHOW));

        all.post("/movies", r -> writes.create(r, MOVIE, null, ItemBodies::newMovie,
                        (caller, parent, movie) -> editing.createMovie(caller, movie), tree -> tree.movie().id()))
                .patch("/movies/{id}", r -> writes.change(r, MOVIE, ItemBodies::movie, editing::changeMovie))
                .delete("/movies/{id}", r -> writes.delete(r, MOVIE, editing::deleteMovie))
                .post("/movies/{id}/sources", r -> writes.create(r, SOURCE, "id", ItemBodies::source,
                        (caller, movieId, fields) -> editing.createSource(caller, new SourceOwner.OfMovie(movieId), fields),
                        Source::id))
                .delete("/movies/{id}/locks/{field}", r -> writes.unlock(r, MOVIE));

        all.patch("/seasons/{id}", r -> writes.change(r, SEASON, ItemBodies::season, editing::changeSeason))
                .delete("/seasons/{id}", r -> writes.delete(r, SEASON, editing::deleteSeason))
                .post("/seasons/{id}/episodes", r -> writes.create(r, EPISODE, "id", ItemBodies::episode,
                        editing::createEpisode, tree -> tree.episode().id()))
                .delete("/seasons/{id}/locks/{field}", r -> writes.unlock(r, SEASON));

        all.patch("/episodes/{id}", r -> writes.change(r, EPISODE, ItemBodies::episode, editing::changeEpisode))
                .delete("/episodes/{id}", r -> writes.delete(r, EPISODE, editing::deleteEpisode))
                .post("/episodes/{id}/sources", r -> writes.create(r, SOURCE, "id", ItemBodies::source,
                        (caller, episodeId, fields) -> editing.createSource(caller, new SourceOwner.OfEpisode(episodeId), fields),
                        Source::id))
                .delete("/episodes/{id}/locks/{field}", r -> writes.unlock(r, EPISODE));

        all.patch("/sources/{id}", r -> writes.change(r, SOURCE, ItemBodies::source, editing::changeSource))
                .delete("/sources/{id}", r -> writes.delete(r, SOURCE, editing::deleteSource))
                .delete("/sources/{id}/locks/{field}", r -> writes.unlock(r, SOURCE));
    }

    ApiResponse season(ApiRequest request) {
        long id = request.idParameter("id");
        return ApiResponse.json(JsonViews.season(editing.findSeason(id)
                .orElseThrow(() -> ApiProblem.notFound("season " + id + " does not exist"))));
    }

    ApiResponse episode(ApiRequest request) {
        long id = request.idParameter("id");
        return ApiResponse.json(JsonViews.episode(editing.findEpisode(id)
                .orElseThrow(() -> ApiProblem.notFound("episode " + id + " does not exist"))));
    }

    ApiResponse source(ApiRequest request) {
        long id = request.idParameter("id");
        return ApiResponse.json(JsonViews.source(editing.findSource(id)
                .orElseThrow(() -> ApiProblem.notFound("source " + id + " does not exist"))));
    }
}
