package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.domain.SourceOwner;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.FieldEdit;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.SourceFields;

/**
 * A source's inline controls on its movie's or show's page: add one, activate or deactivate it by hand
 * (from the dead-links page too). Each answers with the owner's page and a message. Changing one is
 * {@link SourceEditPages}'s job, removing one (after a confirmation) {@link DeletePages}'.
 */
final class SourcePages {

    private final PageContext pages;
    private final CatalogEditing editing;

    SourcePages(PageContext pages, CatalogEditing editing) {
        this.pages = pages;
        this.editing = editing;
    }

    void register(AdminRoutes routes) {
        routes.post("/movies/{id}/sources", Scope.EDIT, r -> add(r, new SourceOwner.OfMovie(r.id("id"))))
                .post("/episodes/{id}/sources", Scope.EDIT, r -> add(r, new SourceOwner.OfEpisode(r.id("id"))))
                .post("/sources/{id}/active", Scope.EDIT, this::setActive);
        // Removing a source goes through its confirmation page (DeletePages).
    }

    private AdminResponse add(AdminRequest request, SourceOwner owner) {
        SourceFields fields = new SourceFields(FieldEdit.text(request.form("url")),
                FieldEdit.text(blankToNull(request.form("source_type"))), FieldEdit.text(request.form("provider")), null);
        String back = back(request, owner);
        try {
            editing.createSource(request.session().caller(), owner, fields);
        } catch (InvalidEditException e) {
            return pages.redirect(request, back, "Source not added: " + e.getMessage());
        }
        return pages.redirect(request, back, "Source added.");
    }

    private AdminResponse setActive(AdminRequest request) {
        Source source = find(request.id("id"));
        boolean active = "true".equals(request.form("active"));
        String back = back(request, source.owner());
        try {
            editing.setSourceActive(request.session().caller(), source.id(), Versions.expecting(request.form("version")), active);
        } catch (EditConflictException e) {
            return pages.redirect(request, back, "Source " + source.id() + " changed meanwhile; nothing was changed. Try again.");
        }
        return pages.redirect(request, back, "Source " + source.id() + (active ? " activated." : " deactivated.")
                + " Link checks leave it so until unlocked.");
    }

    private Source find(long id) {
        return editing.findSource(id).orElseThrow(() -> new ItemNotFoundException("source", id));
    }

    /** Back to where the form was (the dead-links page, a show), or to the source's movie. */
    private String back(AdminRequest request, SourceOwner owner) {
        return ReturnPaths.back(request.form("back"),
                owner instanceof SourceOwner.OfMovie movie ? "/movies/" + movie.id() : "/dead-links");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
