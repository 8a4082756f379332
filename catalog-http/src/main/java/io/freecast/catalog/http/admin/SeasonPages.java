package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.SeasonTree;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.SeasonFields;
import io.freecast.catalog.port.out.StorageUnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One season's page, opened from its show's: edits its number and description (errors next to their field,
 * keeping what was typed; a stale form is a conflict with both versions) and lists its episodes.
 */
final class SeasonPages {

    private final PageContext pages;
    private final CatalogQueries queries;
    private final CatalogEditing editing;

    SeasonPages(PageContext pages, CatalogQueries queries, CatalogEditing editing) {
        this.pages = pages;
        this.queries = queries;
        this.editing = editing;
    }

    void register(AdminRoutes routes) {
        routes.get("/seasons/{id}", this::detail)
                .post("/seasons/{id}", Scope.EDIT, this::save);
    }

    private SeasonTree find(long id) {
        return editing.findSeason(id).orElseThrow(() -> new ItemNotFoundException("season", id));
    }

    private AdminResponse detail(AdminRequest request) {
        SeasonTree season = find(request.id("id"));
        return page(request, 200, season, stored(season), Map.of());
    }

    private AdminResponse page(AdminRequest request, int status, SeasonTree season, Map<String, String> values,
                               Map<String, String> errors) {
        ShowTree show = queries.findShow(season.season().showId())
                .orElseThrow(() -> new ItemNotFoundException("show", season.season().showId()));
        Map<String, Object> model = pages.model(request, "Season " + season.season().number() + " · "
                + show.show().title(), "shows");
        model.put("show", show.show());
        model.put("season", season);
        model.put("form", new FormView(values, errors, season.season().lockedFields(), Versions.of(season)));
        return pages.page(status, "season.jte", model);
    }

    static Map<String, String> stored(SeasonTree season) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("number", Integer.toString(season.season().number()));
        values.put("description", FormView.text(season.season().description()));
        return values;
    }

    private AdminResponse save(AdminRequest request) {
        long id = request.id("id");
        SeasonTree season = find(id);
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : SeasonFields.WIRE_NAMES) {
            typed.put(field, request.form(field) == null ? "" : request.form(field));
        }
        String version = request.form("version");
        Map<String, String> before = Versions.of(season).equals(version) ? stored(season) : null;
        SeasonFields fields = SeasonFields.NONE;
        if (MoviePages.changed(typed, before, "number")) {
            fields = fields.withNumber(FieldEdit.parse(typed.get("number"), Integer::valueOf, "a whole number"));
        }
        if (MoviePages.changed(typed, before, "description")) {
            fields = fields.withDescription(FieldEdit.text(typed.get("description")));
        }
        SeasonTree saved;
        try {
            saved = editing.changeSeason(request.session().caller(), id, Versions.expecting(version), fields);
        } catch (InvalidEditException e) {
            return page(request, 422, season, typed, FormView.errorsOf(e.violations()));
        } catch (StorageUnavailableException e) {
            return page(request, 503, season, typed, FormView.notSaved(e));
        } catch (EditConflictException e) {
            Map<String, Object> model = pages.model(request, "Not saved: changed meanwhile", "shows");
            model.put("kind", "season");
            model.put("backUrl", pages.url("/seasons/" + id));
            model.put("fields", SeasonFields.WIRE_NAMES);
            model.put("yours", typed);
            model.put("theirs", stored(find(id)));
            return pages.page(409, "conflict.jte", model);
        }
        return pages.redirect(request, "/shows/" + saved.season().showId(), "Season " + saved.season().number() + " saved.");
    }
}
