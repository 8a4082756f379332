package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.SourceFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changing a source's URL, type and provider. The form sits inline in each source's row on its movie's,
 * show's or episode's page; a save that breaks a rule answers this source's own page with each error next to
 * its field and what was typed kept, and a stale one the conflict page with both versions.
 */
final class SourceEditPages {

    /** The fields the form edits (switching on and off has its own button). */
    static final List<String> FIELDS = List.of("url", "source_type", "provider");

    private final PageContext pages;
    private final CatalogEditing editing;

    SourceEditPages(PageContext pages, CatalogEditing editing) {
        this.pages = pages;
        this.editing = editing;
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
        return page(request, 200, source, stored(source), Map.of(), ReturnPaths.ownerPage(source.owner(), editing));
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
            return page(request, 422, source, typed, FormView.errorsOf(e.violations()), back);
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
}
