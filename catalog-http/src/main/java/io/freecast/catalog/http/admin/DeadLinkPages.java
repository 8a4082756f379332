package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.DeadLink;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.port.in.CatalogOverview;
import java.util.Map;

/** Dead links: inactive and failing sources with their owners and what the last checks found. */
final class DeadLinkPages {

    private static final int PAGE_SIZE = 50;

    private final PageContext pages;
    private final CatalogOverview overview;

    private final boolean editable;
    /** Whether "Check now" is offered: the admin was given the check use-case. */
    private final boolean checkable;

    DeadLinkPages(PageContext pages, CatalogOverview overview, boolean editable, boolean checkable) {
        this.pages = pages;
        this.overview = overview;
        this.editable = editable;
        this.checkable = checkable;
    }

    void register(AdminRoutes routes) {
        routes.get("/dead-links", this::list);
    }

    private AdminResponse list(AdminRequest request) {
        Page<DeadLink> page;
        try {
            String cursor = request.query("cursor");
            page = overview.listDeadLinks(new PageRequest(PAGE_SIZE,
                    cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        Map<String, Object> model = pages.model(request, "Dead links", "dead-links");
        model.put("links", page.items());
        model.put("editable", editable && request.session().may(io.freecast.catalog.domain.Scope.EDIT));
        model.put("checkable", checkable && request.session().may(io.freecast.catalog.domain.Scope.EDIT));
        model.put("total", Html.total(page));
        model.put("nextUrl", page.next() == null ? null : pages.url("/dead-links?cursor=" + page.next().encode()));
        model.put("previousUrl", page.previous() == null ? null : pages.url("/dead-links?cursor=" + page.previous().encode()));
        model.put("firstUrl", request.query("cursor") == null ? null : pages.url("/dead-links"));
        return pages.page("deadlinks.jte", model);
    }
}
