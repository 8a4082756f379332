package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deleting shows, seasons, episodes, movies and sources, as Django's admin does it: {@code GET …/delete}
 * shows a confirmation page listing everything that goes with the item (with counts and names) and whether a
 * tombstone will keep the next import from bringing it back; only its form, which carries {@code
 * confirm=yes} and the version it was shown for, deletes. A POST without the confirmation changes nothing and
 * leads to the confirmation page; one for an item changed meanwhile shows the page again with what goes now.
 */
final class DeletePages {

    static final String CONFIRM_FIELD = "confirm";
    static final String CONFIRMED = "yes";

    private final PageContext pages;
    private final CatalogQueries queries;
    private final CatalogEditing editing;

    DeletePages(PageContext pages, CatalogQueries queries, CatalogEditing editing) {
        this.pages = pages;
        this.queries = queries;
        this.editing = editing;
    }

    void register(AdminRoutes routes) {
        for (String kind : List.of("shows", "seasons", "episodes", "movies", "sources")) {
            routes.get("/" + kind + "/{id}/delete", r -> confirm(r, kind))
                    .post("/" + kind + "/{id}/delete", Scope.EDIT, r -> delete(r, kind));
        }
    }

    private AdminResponse confirm(AdminRequest request, String kind) {
        DeletionView view = view(kind, request.id("id"));
        Map<String, Object> model = pages.model(request, "Delete " + view.label() + "?", section(kind));
        model.put("view", view);
        return pages.page("delete.jte", model);
    }

    private AdminResponse delete(AdminRequest request, String kind) {
        long id = request.id("id");
        DeletionView view = view(kind, id);
        String again = "/" + kind + "/" + id + "/delete";
        if (!CONFIRMED.equals(request.form(CONFIRM_FIELD))) {
            return pages.redirect(request, again, "Nothing was deleted: confirm below.");
        }
        String version = request.form("version");
        var caller = request.session().caller();
        String done;
        try {
            done = switch (kind) {
                case "shows" -> {
                    editing.deleteShow(caller, id, Versions.expecting(version));
                    yield "/shows";
                }
                case "seasons" -> {
                    long showId = season(id).season().showId();
                    editing.deleteSeason(caller, id, Versions.expecting(version));
                    yield "/shows/" + showId;
                }
                case "episodes" -> {
                    long showId = season(episode(id).episode().seasonId()).season().showId();
                    editing.deleteEpisode(caller, id, Versions.expecting(version));
                    yield "/shows/" + showId;
                }
                case "movies" -> {
                    editing.deleteMovie(caller, id, Versions.expecting(version));
                    yield "/movies";
                }
                default -> {
                    String owner = ReturnPaths.ownerPage(source(id).owner(), editing);
                    editing.deleteSource(caller, id, Versions.expecting(version));
                    yield owner;
                }
            };
        } catch (EditConflictException e) {
            return pages.redirect(request, again, "Nothing was deleted: it changed meanwhile. Check what goes with it now.");
        }
        return pages.redirect(request, done, "Deleted " + view.label() + "."
                + (view.tombstone() ? " A tombstone keeps the next import from bringing it back." : ""));
    }

    private static String section(String kind) {
        return switch (kind) {
            case "movies" -> "movies";
            case "sources" -> "dead-links";
            default -> "shows";
        };
    }

    private DeletionView view(String kind, long id) {
        return switch (kind) {
            case "shows" -> {
                ShowTree tree = queries.findShow(id).orElseThrow(() -> new ItemNotFoundException("show", id));
                List<String> seasons = new ArrayList<>();
                List<String> episodes = new ArrayList<>();
                List<String> sources = new ArrayList<>();
                for (SeasonTree season : tree.seasons()) {
                    seasons.add("Season " + season.season().number() + " (" + season.episodes().size() + " episodes)");
                    collect(season, episodes, sources);
                }
                yield new DeletionView("show", "show “" + tree.show().title() + "”", groups(seasons, episodes, sources),
                        editing.deletionLeavesTombstone(ItemRef.show(id)), "/shows/" + id + "/delete", "/shows/" + id,
                        Versions.of(tree));
            }
            case "seasons" -> {
                SeasonTree season = season(id);
                List<String> episodes = new ArrayList<>();
                List<String> sources = new ArrayList<>();
                collect(season, episodes, sources);
                yield new DeletionView("season", "season " + season.season().number() + " of “" + showTitle(season) + "”",
                        groups(List.of(), episodes, sources), editing.deletionLeavesTombstone(ItemRef.season(id)),
                        "/seasons/" + id + "/delete", "/seasons/" + id, Versions.of(season));
            }
            case "episodes" -> {
                EpisodeTree episode = episode(id);
                SeasonTree season = season(episode.episode().seasonId());
                List<String> sources = episode.sources().stream().map(DeletePages::name).toList();
                yield new DeletionView("episode", "episode " + episodeName(season.season().number(), episode) + " of “"
                        + showTitle(season) + "”", groups(List.of(), List.of(), sources),
                        editing.deletionLeavesTombstone(ItemRef.episode(id)), "/episodes/" + id + "/delete",
                        "/episodes/" + id, Versions.of(episode));
            }
            case "movies" -> {
                MovieTree tree = queries.findMovie(id).orElseThrow(() -> new ItemNotFoundException("movie", id));
                yield new DeletionView("movie", "movie “" + tree.movie().title() + "”",
                        groups(List.of(), List.of(), tree.sources().stream().map(DeletePages::name).toList()),
                        editing.deletionLeavesTombstone(ItemRef.movie(id)), "/movies/" + id + "/delete",
                        "/movies/" + id, Versions.of(tree));
            }
            default -> {
                Source source = source(id);
                yield new DeletionView("source", "source #" + id + " " + Html.shorten(source.url(), 100), List.of(),
                        editing.deletionLeavesTombstone(ItemRef.source(id)), "/sources/" + id + "/delete",
                        ReturnPaths.ownerPage(source.owner(), editing), Versions.of(source));
            }
        };
    }

    private static void collect(SeasonTree season, List<String> episodes, List<String> sources) {
        for (EpisodeTree episode : season.episodes()) {
            episodes.add(episodeName(season.season().number(), episode));
            episode.sources().forEach(s -> sources.add(name(s)));
        }
    }

    private static List<DeletionView.Group> groups(List<String> seasons, List<String> episodes, List<String> sources) {
        List<DeletionView.Group> groups = new ArrayList<>();
        if (!seasons.isEmpty()) {
            groups.add(DeletionView.Group.of("seasons", seasons));
        }
        if (!episodes.isEmpty()) {
            groups.add(DeletionView.Group.of("episodes", episodes));
        }
        if (!sources.isEmpty()) {
            groups.add(DeletionView.Group.of("sources", sources));
        }
        return groups;
    }

    private static String episodeName(int season, EpisodeTree episode) {
        String title = episode.episode().title();
        return "S" + season + "E" + episode.episode().number() + (title == null ? "" : " " + title);
    }

    private static String name(Source source) {
        return "#" + source.id() + " " + Html.shorten(source.url(), 100);
    }

    private String showTitle(SeasonTree season) {
        return queries.findShow(season.season().showId()).map(t -> t.show().title()).orElse("?");
    }

    private SeasonTree season(long id) {
        return editing.findSeason(id).orElseThrow(() -> new ItemNotFoundException("season", id));
    }

    private EpisodeTree episode(long id) {
        return editing.findEpisode(id).orElseThrow(() -> new ItemNotFoundException("episode", id));
    }

    private Source source(long id) {
        return editing.findSource(id).orElseThrow(() -> new ItemNotFoundException("source", id));
    }
}
