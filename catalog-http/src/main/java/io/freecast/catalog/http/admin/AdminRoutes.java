package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin's routes: a method, a path template ({@code /movies/{id}}) and what a caller needs to use it.
 * Every route but the sign-in page and the assets needs a session; every POST also needs the session's
 * CSRF token, checked before the route's handler runs.
 */
final class AdminRoutes {

    interface Handler {
        AdminResponse handle(AdminRequest request);
    }

    /**
     * @param needs {@code null} for a public route (no session needed), else the scope the session must hold
     */
    record Route(String method, List<String> segments, Scope needs, Handler handler) {

        Map<String, String> match(String requestMethod, List<String> path) {
            if (!method.equals(requestMethod) && !(method.equals("GET") && requestMethod.equals("HEAD"))) {
                return null;
            }
            if (path.size() != segments.size()) {
                return null;
            }
            Map<String, String> parameters = new HashMap<>(4);
            for (int i = 0; i < segments.size(); i++) {
                String expected = segments.get(i);
                if (expected.startsWith("{")) {
                    parameters.put(expected.substring(1, expected.length() - 1), path.get(i));
                } else if (!expected.equals(path.get(i))) {
                    return null;
                }
            }
            return parameters;
        }
    }

    record Match(Route route, Map<String, String> parameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    AdminRoutes publicGet(String template, Handler handler) {
        return add("GET", template, null, handler);
    }

    AdminRoutes publicPost(String template, Handler handler) {
        return add("POST", template, null, handler);
    }

    AdminRoutes get(String template, Handler handler) {
        return add("GET", template, Scope.READ, handler);
    }

    /** A page only callers of at least {@code needs} may see (the account and token pages: admins). */
    AdminRoutes get(String template, Scope needs, Handler handler) {
        return add("GET", template, needs, handler);
    }

    AdminRoutes post(String template, Scope needs, Handler handler) {
        return add("POST", template, needs, handler);
    }

    private AdminRoutes add(String method, String template, Scope needs, Handler handler) {
        List<String> segments = template.equals("/") ? List.of() : List.of(template.substring(1).split("/"));
        routes.add(new Route(method, segments, needs, handler));
        // Literal segments before placeholders: /movies/new wins over /movies/{id}.
        routes.sort((a, b) -> Long.compare(literals(b), literals(a)));
        return this;
    }

    private static long literals(Route route) {
        return route.segments().stream().filter(s -> !s.startsWith("{")).count();
    }

    /** The route for a request, or {@code null}; {@link #pathExists} tells a 405 from a 404. */
    Match match(String method, List<String> path) {
        for (Route route : routes) {
            Map<String, String> parameters = route.match(method, path);
            if (parameters != null) {
                return new Match(route, parameters);
            }
        }
        return null;
    }

    boolean pathExists(List<String> path) {
        return routes.stream().anyMatch(r -> r.match(r.method(), path) != null);
    }
}
