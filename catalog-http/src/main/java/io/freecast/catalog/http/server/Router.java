package io.freecast.catalog.http.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A tiny router over path templates ({@code /shows/{id}/episodes}). It matches decoded path segments,
 * so an encoded slash ({@code %2F}) stays inside its segment and can never climb out of a route.
 *
 * <p>When several templates match a path (e.g. {@code /shows/episodes/{id}/sources} and a template with a
 * placeholder in the same place) the one with more literal segments wins.
 */
final class Router implements ApiRoutes {

    static final String GET = "GET";
    static final String HEAD = "HEAD";
    static final String POST = "POST";
    static final String PUT = "PUT";
    static final String PATCH = "PATCH";
    static final String DELETE = "DELETE";
    static final String OPTIONS = "OPTIONS";

    record Route(String method, String template, List<String> segments, ApiHandler handler) {

        int literalCount() {
            return (int) segments.stream().filter(s -> !isPlaceholder(s)).count();
        }

        Map<String, String> match(List<String> path) {
            if (path.size() != segments.size()) {
                return null;
            }
            Map<String, String> parameters = null;
            for (int i = 0; i < segments.size(); i++) {
                String expected = segments.get(i);
                String actual = path.get(i);
                if (isPlaceholder(expected)) {
                    if (actual.isEmpty()) {
                        return null;
                    }
                    if (parameters == null) {
                        parameters = new HashMap<>(4);
                    }
                    parameters.put(expected.substring(1, expected.length() - 1), actual);
                } else if (!expected.equals(actual)) {
                    return null;
                }
            }
            return parameters == null ? Map.of() : parameters;
        }
    }

    sealed interface Outcome {
        record Matched(Route route, Map<String, String> parameters) implements Outcome {
        }

        /** @param allow the methods this path answers, for {@code Allow} and {@code OPTIONS} */
        record NotAllowed(String template, Set<String> allow) implements Outcome {
        }

        record NotFound() implements Outcome {
        }
    }

    private final List<Route> routes = new ArrayList<>();

    @Override
    public ApiRoutes get(String template, ApiHandler handler) {
        return add(GET, template, handler);
    }

    @Override
    public ApiRoutes post(String template, ApiHandler handler) {
        return add(POST, template, handler);
    }

    @Override
    public ApiRoutes put(String template, ApiHandler handler) {
        return add(PUT, template, handler);
    }

    @Override
    public ApiRoutes patch(String template, ApiHandler handler) {
        return add(PATCH, template, handler);
    }

    @Override
    public ApiRoutes delete(String template, ApiHandler handler) {
        return add(DELETE, template, handler);
    }

    /** Whether any route's path begins with this literal segment (a mounted subtree must not hide it). */
    boolean hasRoutesUnder(String firstSegment) {
        return routes.stream().anyMatch(route -> !route.segments.isEmpty()
                && (route.segments.getFirst().equals(firstSegment) || isPlaceholder(route.segments.getFirst())));
    }

    private Router add(String method, String template, ApiHandler handler) {
        Objects.requireNonNull(handler, "handler");
        List<String> segments = parseTemplate(template);
        for (Route existing : routes) {
            if (existing.method.equals(method) && sameShape(existing.segments, segments)) {
                throw new IllegalArgumentException("route " + method + " " + template + " clashes with "
                        + existing.method + " " + existing.template);
            }
        }
        routes.add(new Route(method, template, segments, handler));
        // Most literal segments first, so the first match is the most specific one.
        routes.sort((a, b) -> Integer.compare(b.literalCount(), a.literalCount()));
        return this;
    }

    /**
     * Finds the route for a method and decoded path segments: the first of the method's routes that matches,
     * in the routes' order (most literal segments first). Only a path no route of the method matches pays for
     * collecting what the path does answer.
     */
    Outcome match(String method, List<String> path) {
        String wanted = method.equals(HEAD) ? GET : method;
        for (Route route : routes) {
            if (route.method.equals(wanted)) {
                Map<String, String> found = route.match(path);
                if (found != null) {
                    return new Outcome.Matched(route, found);
                }
            }
        }
        return unmatched(path);
    }

    /** The methods the path answers, for a 405 or an {@code OPTIONS}; not found when it answers none. */
    private Outcome unmatched(List<String> path) {
        String firstTemplate = null;
        Set<String> allow = new LinkedHashSet<>();
        for (Route route : routes) {
            if (route.match(path) == null) {
                continue;
            }
            if (firstTemplate == null) {
                firstTemplate = route.template;
            }
            allow.add(route.method);
            if (route.method.equals(GET)) {
                allow.add(HEAD);
            }
        }
        if (firstTemplate == null) {
            return new Outcome.NotFound();
        }
        allow.add(OPTIONS);
        return new Outcome.NotAllowed(firstTemplate, Collections.unmodifiableSet(allow));
    }

    static List<String> parseTemplate(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("a route template starts with '/', got " + template);
        }
        List<String> segments = RequestTarget.splitPath(template);
        for (String segment : segments) {
            if (segment.isEmpty() || (segment.contains("{") || segment.contains("}")) && !isPlaceholder(segment)) {
                throw new IllegalArgumentException("bad route template " + template
                        + ": segments are literals or {name}, without empty segments");
            }
        }
        return List.copyOf(segments);
    }

    private static boolean sameShape(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            boolean bothPlaceholders = isPlaceholder(a.get(i)) && isPlaceholder(b.get(i));
            if (!bothPlaceholders && !a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlaceholder(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }
}
