package io.freecast.catalog.http.admin;

import java.util.List;
import java.util.Map;

/**
 * One request as an admin page sees it: decoded path parameters, query and form fields, and the session
 * (absent only on the public pages: sign-in and assets).
 *
 * @param path  the path below {@code /admin}, as requested (for "come back here after signing in")
 * @param form  the submitted form's fields; empty for a GET
 */
record AdminRequest(String method, String path, Map<String, String> pathParameters,
                    Map<String, List<String>> query, Map<String, List<String>> form, Session session,
                    String clientAddress) {

    String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** The first value of a query parameter, or {@code null}. */
    String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** The first value of a form field, or {@code null} when the form has none. */
    String form(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** A path parameter that must be an id: 1 or more, else a 400. */
    long id(String name) {
        String text = pathParameter(name);
        try {
            long id = Long.parseLong(text);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException("'" + Html.shorten(text, 40) + "' is not an id");
    }
}
