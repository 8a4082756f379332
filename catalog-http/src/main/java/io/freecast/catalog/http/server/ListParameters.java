package io.freecast.catalog.http.server;

import io.freecast.catalog.domain.ActiveFilter;
import io.freecast.catalog.domain.Cursor;
import io.freecast.catalog.domain.EpisodeQuery;
import io.freecast.catalog.domain.ListQuery;
import io.freecast.catalog.domain.PageRequest;
import io.freecast.catalog.domain.Sort;
import io.freecast.catalog.domain.SortField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the list parameters of the read API (README, "The HTTP API") ({@code limit}, {@code cursor}, {@code sort}, {@code q},
 * {@code season}, {@code active}) into the core's query records. Every malformed value is a 400 naming
 * its parameter; the core's own checks (cursor made for another sort, …) are turned into the same.
 */
final class ListParameters {

    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";
    static final String SORT = "sort";
    static final String Q = "q";
    static final String SEASON = "season";
    static final String ACTIVE = "active";

    private ListParameters() {
    }

    /** A show or movie list query. */
    static ListQuery listQuery(ApiRequest request, Set<SortField> sortable) {
        Sort sort;
        try {
            sort = Sort.parse(request.query(SORT).orElse(null), sortable);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter(SORT, e.getMessage() + ", got " + Quoting.quote(request.query(SORT).orElse("")));
        }
        String q = request.query(Q).orElse(null);
        if (q != null && q.strip().length() > ListQuery.MAX_SEARCH_LENGTH) {
            throw ApiProblem.badParameter(Q, "q must be at most " + ListQuery.MAX_SEARCH_LENGTH + " characters");
        }
        PageRequest page = page(request);
        if (page.cursor() != null) {
            CursorValues.check(page.cursor(), sort);
        }
        try {
            return new ListQuery(sort, q, page);
        } catch (IllegalArgumentException e) {
            // The only check left in ListQuery after the ones above: the cursor belongs to another sort.
            throw ApiProblem.badParameter(CURSOR, e.getMessage());
        }
    }

    /** A query for a show's episodes. */
    static EpisodeQuery episodeQuery(ApiRequest request) {
        Integer season = request.query(SEASON).map(text -> positiveInt(SEASON, text, Integer.MAX_VALUE)).orElse(null);
        PageRequest page = page(request);
        if (page.cursor() != null) {
            CursorValues.checkEpisodeOrder(page.cursor());
        }
        try {
            return new EpisodeQuery(season, page);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter(CURSOR, e.getMessage());
        }
    }

    static ActiveFilter activeFilter(ApiRequest request) {
        return request.query(ACTIVE).map(text -> switch (text) {
            case "true" -> ActiveFilter.ACTIVE_ONLY;
            case "false" -> ActiveFilter.INACTIVE_ONLY;
            default -> throw ApiProblem.badParameter(ACTIVE, "active must be true or false, got " + Quoting.quote(text));
        }).orElse(ActiveFilter.ALL);
    }

    static PageRequest page(ApiRequest request) {
        int limit = request.query(LIMIT).map(text -> positiveInt(LIMIT, text, PageRequest.MAX_LIMIT))
                .orElse(PageRequest.DEFAULT_LIMIT);
        Cursor cursor = request.query(CURSOR).map(ListParameters::cursor).orElse(null);
        return new PageRequest(limit, cursor);
    }

    /**
     * The parameters that shape a list (everything but the cursor), as given, to repeat in the links to
     * other pages of the same list.
     */
    static Map<String, String> shaping(ApiRequest request, String... names) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : names) {
            request.query(name).filter(value -> !value.isEmpty()).ifPresent(value -> kept.put(name, value));
        }
        return kept;
    }

    private static Cursor cursor(String token) {
        try {
            return Cursor.decode(token);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter(CURSOR, e.getMessage());
        }
    }

    private static int positiveInt(String parameter, String text, int max) {
        if (!text.isEmpty() && text.length() <= 10 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long value = Long.parseLong(text);
            if (value >= 1 && value <= max) {
                return (int) value;
            }
        }
        throw ApiProblem.badParameter(parameter, parameter + " must be an integer from 1 to " + max
                + ", got " + Quoting.quote(text));
    }
}
