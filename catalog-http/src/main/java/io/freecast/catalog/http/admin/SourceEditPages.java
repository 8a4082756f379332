package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.MovieTree;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.SourceFields;
import io.freecast.catalog.port.out.StorageUnavailableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changing a source's URL, type and provider: inline in each source's row on its movie's, show's or episode's
 * page, and on the source's own page. A save that breaks a rule answers the page it came from with that form
 * open, each error next to its field and what was typed kept; a stale one the conflict page with both
 * versions.
 */
final class SourceEditPages {

    /** The fields the form edits (switching on and off has its own button). */
    static final List<String> FIELDS = List.of("url", "source_type", "provider");

    private final PageContext pages;
    private final CatalogQueries queries;
    private final CatalogEditing editing;
    private final EpisodePages episodes;

    SourceEditPages(PageContext pages, CatalogQueries queries, CatalogEditing editing, EpisodePages episodes) {
        this.pages = pages;
        this.queries = queries;
        this.editing = editing;
        this.episodes = episodes;
    }

    void register(AdminRoutes routes) {
        routes.get("/sources/{id}", this::detail)
                .post("/sources/{id}", Scope.EDIT, this::save);
    }

    private Source find(long id) {
        return editing.findSource(id).orElseThrow(() -> new ItemNotFoundException("source", id));
    }

    private AdminResponse detail(AdminRequest request) {
        Source source = find(request.id("id"));
        // Saved from its own page, it comes back to it (errors too); from a row, to the row's page.
        return page(request, 200, source, stored(source), Map.of(), "/sources/" + source.id());
    }

    private AdminResponse page(AdminRequest request, int status, Source source, Map<String, String> values,
                               Map<String, String> errors, String back) {
        Map<String, Object> model = pages.model(request, "Source " + source.id(), "dead-links");
        model.put("source", source);
        model.put("form", new FormView(values, errors, source.lockedFields(), Versions.of(source)));
        model.put("ownerUrl", pages.url(ReturnPaths.ownerPage(source.owner(), editing)));
        model.put("back", back);
        return pages.page(status, "source.jte", model);
    }

    static Map<String, String> stored(Source source) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("url", source.url());
        values.put("source_type", source.type().wireName());
        values.put("provider", FormView.text(source.provider()));
        return values;
    }

    private AdminResponse save(AdminRequest request) {
        long id = request.id("id");
        Source source = find(id);
        String back = ReturnPaths.back(request.form("back"), ReturnPaths.ownerPage(source.owner(), editing));
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            typed.put(field, request.form(field) == null ? "" : request.form(field));
        }
        String version = request.form("version");
        // As for movies: only what differs from the form's own version is sent, so only it changes (and locks).
        Map<String, String> before = Versions.of(source).equals(version) ? stored(source) : null;
        SourceFields fields = SourceFields.NONE;
        if (MoviePages.changed(typed, before, "url")) {
            fields = fields.withUrl(FieldEdit.text(typed.get("url")));
        }
        if (MoviePages.changed(typed, before, "source_type")) {
            fields = fields.withSourceType(FieldEdit.text(typed.get("source_type")));
        }
        if (MoviePages.changed(typed, before, "provider")) {
            fields = fields.withProvider(FieldEdit.text(typed.get("provider")));
        }
        try {
            editing.changeSource(request.session().caller(), id, Versions.expecting(version), fields);
        } catch (InvalidEditException e) {
            Map<String, String> errors = FormView.errorsOf(e.violations());
            AdminResponse owner = ownerPageWithErrors(request, back, new SourceEditState(id, typed, errors));
            return owner != null ? owner : page(request, 422, source, typed, errors, back);
        } catch (StorageUnavailableException e) {
            return page(request, 503, source, typed, FormView.notSaved(e), back);
        } catch (EditConflictException e) {
            Map<String, Object> model = pages.model(request, "Not saved: changed meanwhile", "dead-links");
            model.put("kind", "source");
            model.put("backUrl", pages.url("/sources/" + id));
            model.put("fields", FIELDS);
            model.put("yours", typed);
            model.put("theirs", stored(find(id)));
            return pages.page(409, "conflict.jte", model);
        }
        return pages.redirect(request, back, "Source " + id + " saved.");
    }

    /**
     * The page the inline form was posted from, with the form's row open, what was typed in it and each error
     * next to its field (422); {@code null} when the form came from elsewhere (then this source's own page).
     */
    private AdminResponse ownerPageWithErrors(AdminRequest request, String back, SourceEditState state) {
        String[] path = back.split("/");
        if (path.length != 3) {
            return null;
        }
        long ownerId = Long.parseLong(path[2]);
        Map<String, Object> model;
        String template;
        switch (path[1]) {
            case "movies" -> {
                MovieTree tree = queries.findMovie(ownerId).orElse(null);
                if (tree == null) {
                    return null;
                }
                model = pages.model(request, tree.movie().title(), "movies");
                model.put("tree", tree);
                model.put("form", new FormView(MoviePages.stored(tree), Map.of(), tree.movie().lockedFields(), Versions.of(tree)));
                template = "movie.jte";
            }
            case "shows" -> {
                ShowTree tree = queries.findShow(ownerId).orElse(null);
                if (tree == null) {
                    return null;
                }
                model = pages.model(request, tree.show().title(), "shows");
                model.put("tree", tree);
                model.put("form", new FormView(ShowPages.stored(tree), Map.of(), tree.show().lockedFields(), Versions.of(tree)));
                template = "show.jte";
            }
            case "episodes" -> {
                return episodes.withSourceErrors(request, ownerId, state);
            }
            default -> {
                return null;
            }
        }
        model.put("editable", true);
        model.put("sourceEdit", state);
        return pages.page(422, template, model);
    }
}
