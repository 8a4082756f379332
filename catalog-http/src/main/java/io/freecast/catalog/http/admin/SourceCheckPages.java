package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.domain.Source;
import io.freecast.catalog.port.in.CheckSourceUseCase;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.TooManyChecksException;

/**
 * "Check now": one source's link checked at once, with the link checker and rules of validate-sources, from
 * the dead-links page (or a source's row). Editors and admins may, as they may switch a source on or off by
 * hand: a check changes the source's state as a run would, and is audited as theirs.
 */
final class SourceCheckPages {

    private final PageContext pages;
    private final CheckSourceUseCase checks;

    SourceCheckPages(PageContext pages, CheckSourceUseCase checks) {
        this.pages = pages;
        this.checks = checks;
    }

    void register(AdminRoutes routes) {
        routes.post("/sources/{id}/check", Scope.EDIT, this::check);
    }

    private AdminResponse check(AdminRequest request) {
        long id = request.id("id");
        String back = ReturnPaths.back(request.form("back"), "/dead-links");
        Source checked;
        try {
            checked = checks.checkSource(request.session().caller(), id);
        } catch (EditConflictException e) {
            return pages.redirect(request, back, "Source " + id + "'s URL changed while it was checked; nothing was "
                    + "recorded. Check it again.");
        } catch (TooManyChecksException e) {
            return pages.redirect(request, back, "Not checked: " + e.getMessage() + ".");
        }
        return pages.redirect(request, back, outcome(checked));
    }

    /** "Source 7 checked: HTTP 200, active." — or the error and what it did to the source. */
    static String outcome(Source source) {
        var check = source.check();
        StringBuilder line = new StringBuilder("Source " + source.id() + " checked: ");
        if (check.lastError() == null) {
            line.append("HTTP ").append(check.lastStatus()).append(", it answers");
        } else {
            line.append(Html.shorten(check.lastError(), 200));
            if (check.consecutiveFailures() > 0) {
                line.append(" (").append(check.consecutiveFailures()).append(" failures in a row)");
            }
        }
        line.append(source.active() ? "; active." : "; inactive.");
        if (source.activeLockedByHand()) {
            line.append(" Its state was set by hand, so checks do not switch it.");
        }
        return line.toString();
    }
}
