package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.Page;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import io.freecast.catalog.domain.TitleFilter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A list page's search, sort, filters and position, read from its query string, and the links to the pages
 * around it (which keep everything but the cursor).
 */
record TitleListParameters(String q, String sort, Set<TitleFilter> filters, ListQuery query) {

    static final int PAGE_SIZE = 50;

    static TitleListParameters read(AdminRequest request, Set<SortField> sortable) {
        String q = request.query("q");
        String sortText = request.query("sort");
        try {
            Sort sort = Sort.parse(sortText, sortable);
            Set<TitleFilter> filters = EnumSet.noneOf(TitleFilter.class);
            for (String name : request.queryAll("filter")) {
                if (!name.isEmpty()) {
                    filters.add(TitleFilter.fromWireName(name));
                }
            }
            String cursorText = request.query("cursor");
            Cursor cursor = cursorText == null || cursorText.isEmpty() ? null : Cursor.decode(cursorText);
            ListQuery query = new ListQuery(sort, q, new PageRequest(PAGE_SIZE, cursor));
            return new TitleListParameters(q == null ? "" : q.strip(), sort.wireName(), filters, query);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    boolean has(String filter) {
        return filters.stream().anyMatch(f -> f.wireName().equals(filter));
    }

    /** The list's address at another cursor ({@code null} for the first page). */
    String url(String base, Cursor cursor) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", q);
        parameters.put("sort", sort.equals("id") ? "" : sort);
        StringBuilder url = new StringBuilder(base).append(Html.query(parameters));
        for (TitleFilter filter : filters) {
            url.append(url.indexOf("?") < 0 ? '?' : '&').append("filter=").append(filter.wireName());
        }
        if (cursor != null) {
            url.append(url.indexOf("?") < 0 ? '?' : '&').append("cursor=").append(cursor.encode());
        }
        return url.toString();
    }

    <T> Map<String, Object> pagerModel(String base, Page<T> page) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("nextUrl", page.next() == null ? null : url(base, page.next()));
        model.put("previousUrl", page.previous() == null ? null : url(base, page.previous()));
        model.put("firstUrl", query.page().cursor() == null ? null : url(base, null));
        return model;
    }
}
