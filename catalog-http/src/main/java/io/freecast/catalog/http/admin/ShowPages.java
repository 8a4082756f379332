package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.Show;
import io.freecast.catalog.domain.ShowTree;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.port.in.CatalogOverview;
import io.freecast.catalog.port.in.CatalogQueries;
import io.freecast.catalog.port.in.ItemNotFoundException;
import java.util.Map;

/** Shows: the searchable, sortable, filterable list, and one show with its seasons, episodes and sources. */
final class ShowPages {

    private final PageContext pages;
    private final CatalogQueries queries;
    private final CatalogOverview overview;

    ShowPages(PageContext pages, CatalogQueries queries, CatalogOverview overview) {
        this.pages = pages;
        this.queries = queries;
        this.overview = overview;
    }

    void register(AdminRoutes routes) {
        routes.get("/shows", this::list)
                .get("/shows/{id}", this::detail);
    }

    private AdminResponse list(AdminRequest request) {
        TitleListParameters parameters = TitleListParameters.read(request, SortField.forShows());
        Page<Show> page = overview.listShows(parameters.query(), parameters.filters());
        Map<String, Object> model = pages.model(request, "Shows", "shows");
        model.put("list", parameters);
        model.put("shows", page.items());
        model.put("total", page.total());
        model.putAll(parameters.pagerModel(pages.url("/shows"), page));
        return pages.page("shows.jte", model);
    }

    private AdminResponse detail(AdminRequest request) {
        long id = request.id("id");
        ShowTree tree = queries.findShow(id).orElseThrow(() -> new ItemNotFoundException("show", id));
        Map<String, Object> model = pages.model(request, tree.show().title(), "shows");
        model.put("tree", tree);
        return pages.page("show.jte", model);
    }
}
