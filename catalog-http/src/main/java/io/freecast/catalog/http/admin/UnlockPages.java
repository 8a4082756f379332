package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.ItemRef;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.port.in.CatalogEditing;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.InvalidEditException;
import java.util.function.LongFunction;

/**
 * Unlocking a field changed by hand on a show, season, episode or source (movies have theirs on their own
 * page): the next import may set it again. Conditional on the version the page showed.
 */
final class UnlockPages {

    private final PageContext pages;
    private final CatalogEditing editing;

    UnlockPages(PageContext pages, CatalogEditing editing) {
        this.pages = pages;
        this.editing = editing;
    }

    void register(AdminRoutes routes) {
        routes.post("/shows/{id}/unlock/{field}", Scope.EDIT, r -> unlock(r, "shows", ItemRef::show))
                .post("/seasons/{id}/unlock/{field}", Scope.EDIT, r -> unlock(r, "seasons", ItemRef::season))
                .post("/episodes/{id}/unlock/{field}", Scope.EDIT, r -> unlock(r, "episodes", ItemRef::episode))
                .post("/sources/{id}/unlock/{field}", Scope.EDIT, r -> unlock(r, "sources", ItemRef::source));
    }

    private <T> AdminResponse unlock(AdminRequest request, String kind, LongFunction<ItemRef<T>> ref) {
        long id = request.id("id");
        String field = request.pathParameter("field");
        String page = "/" + kind + "/" + id;
        try {
            editing.unlock(request.session().caller(), ref.apply(id), Versions.expecting(request.form("version")), field);
        } catch (EditConflictException e) {
            return pages.redirect(request, page, "It changed meanwhile; nothing was unlocked.");
        } catch (InvalidEditException e) {
            throw new BadRequestException(e.getMessage());
        }
        return pages.redirect(request, page, "Unlocked " + Html.shorten(field, 40) + ": the next import may change it.");
    }
}
