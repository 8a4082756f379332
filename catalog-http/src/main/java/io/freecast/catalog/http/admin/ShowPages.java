package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.EpisodeTree;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.CatalogOverview;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.EpisodeFields;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.SeasonFields;
import io.freecast.catalog.port.in.ShowFields;
import io.freecast.catalog.port.in.SourceFields;
import io.freecast.catalog.port.out.StorageUnavailableException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows: the list; one show's page, which edits its fields and, inline, adds seasons and episodes (an
 * episode with its first source in one form) and edits the episodes' sources.
 */
final class ShowPages {

    private final PageContext pages;
    private final CatalogQueries queries;
    private final CatalogOverview overview;
    private final CatalogEditing editing;

    ShowPages(PageContext pages, CatalogQueries queries, CatalogOverview overview, CatalogEditing editing) {
        this.pages = pages;
        this.queries = queries;
        this.overview = overview;
        this.editing = editing;
    }

    void register(AdminRoutes routes) {
        routes.get("/shows", this::list)
                .get("/shows/{id}", this::detail);
        if (editing != null) {
            routes.post("/shows/{id}", Scope.EDIT, this::save)
                    .post("/shows/{id}/seasons", Scope.EDIT, this::addSeason)
                    .post("/seasons/{id}/episodes", Scope.EDIT, this::addEpisode);
        }
    }

    private AdminResponse list(AdminRequest request) {
        TitleListParameters parameters = TitleListParameters.read(request, SortField.forShows());
        Page<Show> page = overview.listShows(parameters.query(), parameters.filters());
        Map<String, Object> model = pages.model(request, "Shows", "shows");
        model.put("list", parameters);
        model.put("shows", page.items());
        model.put("total", Html.total(page));
        model.putAll(parameters.pagerModel(pages.url("/shows"), page));
        return pages.page("shows.jte", model);
    }

    private ShowTree find(long id) {
        return queries.findShow(id).orElseThrow(() -> new ItemNotFoundException("show", id));
    }

    private AdminResponse detail(AdminRequest request) {
        ShowTree tree = find(request.id("id"));
        return page(request, 200, tree, stored(tree), Map.of());
    }

    private AdminResponse page(AdminRequest request, int status, ShowTree tree, Map<String, String> values,
                               Map<String, String> errors) {
        Map<String, Object> model = pages.model(request, tree.show().title(), "shows");
        model.put("tree", tree);
        model.put("form", new FormView(values, errors, tree.show().lockedFields(), Versions.of(tree)));
        model.put("editable", editing != null);
        return pages.page(status, "show.jte", model);
    }

    static Map<String, String> stored(ShowTree tree) {
        Show s = tree.show();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", s.title());
        values.put("description", FormView.text(s.description()));
        values.put("image", FormView.text(s.image()));
        values.put("release_date", FormView.text(s.releaseDate()));
        values.put("imdb_rating", s.imdbRating() == null ? "" : Double.toString(s.imdbRating().value()));
        values.put("kinopoisk_rating", s.kinopoiskRating() == null ? "" : Double.toString(s.kinopoiskRating().value()));
        return values;
    }

    private AdminResponse save(AdminRequest request) {
        long id = request.id("id");
        ShowTree tree = find(id);
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : ShowFields.WIRE_NAMES) {
            typed.put(field, request.form(field) == null ? "" : request.form(field));
        }
        String version = request.form("version");
        Map<String, String> before = Versions.of(tree).equals(version) ? stored(tree) : null;
        ShowFields fields = ShowFields.NONE;
        if (MoviePages.changed(typed, before, "title")) {
            fields = fields.withTitle(FieldEdit.text(typed.get("title")));
        }
        if (MoviePages.changed(typed, before, "description")) {
            fields = fields.withDescription(FieldEdit.text(typed.get("description")));
        }
        if (MoviePages.changed(typed, before, "image")) {
            fields = fields.withImage(FieldEdit.text(typed.get("image")));
        }
        if (MoviePages.changed(typed, before, "release_date")) {
            fields = fields.withReleaseDate(FieldEdit.parse(typed.get("release_date"), LocalDate::parse, "a date such as 2019-05-01"));
        }
        if (MoviePages.changed(typed, before, "imdb_rating")) {
            fields = fields.withImdbRating(FieldEdit.parse(typed.get("imdb_rating"), Double::valueOf, "a number from 0 to 10"));
        }
        if (MoviePages.changed(typed, before, "kinopoisk_rating")) {
            fields = fields.withKinopoiskRating(FieldEdit.parse(typed.get("kinopoisk_rating"), Double::valueOf, "a number from 0 to 10"));
        }
        try {
            editing.changeShow(request.session().caller(), id, Versions.expecting(version), fields);
        } catch (InvalidEditException e) {
            return page(request, 422, tree, typed, FormView.errorsOf(e.violations()));
        } catch (StorageUnavailableException e) {
            return page(request, 503, tree, typed, FormView.notSaved(e));
        } catch (EditConflictException e) {
            Map<String, Object> model = pages.model(request, "Not saved: changed meanwhile", "shows");
            model.put("kind", "show");
            model.put("backUrl", pages.url("/shows/" + id));
            model.put("fields", ShowFields.WIRE_NAMES);
            model.put("yours", typed);
            model.put("theirs", stored(find(id)));
            return pages.page(409, "conflict.jte", model);
        }
        return pages.redirect(request, "/shows/" + id, "Saved.");
    }

    private AdminResponse addSeason(AdminRequest request) {
        long id = request.id("id");
        try {
            SeasonTree season = editing.createSeason(request.session().caller(), id, new SeasonFields(
                    FieldEdit.parse(request.form("number"), Integer::valueOf, "a whole number"),
                    FieldEdit.text(request.form("description"))));
            return pages.redirect(request, "/shows/" + id, "Season " + season.season().number() + " added.");
        } catch (InvalidEditException e) {
            return pages.redirect(request, "/shows/" + id, "Season not added: " + e.getMessage());
        }
    }

    /** An episode, and its first source when a URL was given: two writes, the episode kept if the source fails. */
    private AdminResponse addEpisode(AdminRequest request) {
        long seasonId = request.id("id");
        SeasonTree season = editing.findSeason(seasonId).orElseThrow(() -> new ItemNotFoundException("season", seasonId));
        String back = "/shows/" + season.season().showId();
        EpisodeTree episode;
        try {
            episode = editing.createEpisode(request.session().caller(), seasonId, new EpisodeFields(
                    FieldEdit.parse(request.form("number"), Integer::valueOf, "a whole number"),
                    FieldEdit.text(request.form("title")), null,
                    FieldEdit.parse(request.form("release_date"), LocalDate::parse, "a date such as 2019-05-01")));
        } catch (InvalidEditException e) {
            return pages.redirect(request, back, "Episode not added: " + e.getMessage());
        }
        String url = request.form("source_url");
        if (url != null && !url.isBlank()) {
            try {
                editing.createSource(request.session().caller(), new SourceOwner.OfEpisode(episode.episode().id()),
                        new SourceFields(FieldEdit.text(url), null, FieldEdit.text(request.form("provider")), null));
            } catch (InvalidEditException e) {
                return pages.redirect(request, back, "Episode " + episode.episode().number()
                        + " added, but not its source: " + e.getMessage());
            }
        }
        return pages.redirect(request, back, "Episode " + episode.episode().number() + " added.");
    }
}
