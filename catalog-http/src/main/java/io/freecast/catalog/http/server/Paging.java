package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The headers of a page of a list: RFC 8288 {@code Link} with {@code rel="next"}, {@code rel="prev"} and
 * {@code rel="first"}, and {@code X-Total-Count}. The body stays a plain JSON array, as the reference's was.
 *
 * <p>Links are written as absolute paths (no scheme or host): they resolve against the request URL, and
 * the server never echoes a client-supplied {@code Host} into a response a cache may keep.
 */
final class Paging {

    static final String TOTAL_COUNT = "X-Total-Count";

    private Paging() {
    }

    /**
     * @param shaping the list's parameters other than the cursor ({@code limit}, {@code sort}, …), repeated
     *                in every link so the next page continues the same list
     */
    static ApiResponse respond(ApiRequest request, Page<?> page, List<?> body, Map<String, String> shaping) {
        ApiResponse response = ApiResponse.json(body);
        if (page.counted()) {
            // A search with more matches than ListQuery.SEARCH_COUNT_CAP is not counted: no header, not a guess.
            response = response.header(TOTAL_COUNT, Long.toString(page.total()));
        }
        List<String> links = new ArrayList<>(3);
        page.nextCursor().ifPresent(next -> links.add(link(request, shaping, next, "next")));
        page.previousCursor().ifPresent(prev -> links.add(link(request, shaping, prev, "prev")));
        links.add(link(request, shaping, null, "first"));
        return response.header("Link", String.join(", ", links));
    }

    private static String link(ApiRequest request, Map<String, String> shaping, Cursor cursor, String rel) {
        StringBuilder url = new StringBuilder(request.path());
        char separator = '?';
        for (Map.Entry<String, String> parameter : shaping.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(UriEncoding.encode(parameter.getValue()));
            separator = '&';
        }
        if (cursor != null) {
            url.append(separator).append(ListParameters.CURSOR).append('=').append(cursor.encode());
        }
        return "<" + url + ">; rel=\"" + rel + "\"";
    }
}
