package io.freecast.catalog.http.admin;

import io.freecast.catalog.http.server.StorageOutages;
import io.freecast.catalog.port.in.AuthenticationFailedException;
import io.freecast.catalog.port.in.EditConflictException;
import io.freecast.catalog.port.in.InvalidEditException;
import io.freecast.catalog.port.in.ItemNotFoundException;
import io.freecast.catalog.port.in.NotPermittedException;
import io.freecast.catalog.port.out.StorageBusyException;
import io.freecast.catalog.port.out.StorageUnavailableException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every admin request's way: off the IO thread, decoded strictly, the session from its cookie, sign-in
 * required, a POST's form read (size-capped) and its Origin and CSRF token checked, the route's scope
 * checked, then the page — with the same security headers on every answer and no caching of any page.
 */
final class AdminHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);
    static final String COOKIE = "catalog_admin";
    static final String CSRF_FIELD = "csrf";
    /** Larger than any form of the admin (a title is at most 500 characters, a URL 2,048). */
    static final int MAX_FORM_BYTES = 64 * 1024;
    private static final HttpString CSP = new HttpString("Content-Security-Policy");
    private static final HttpString NOSNIFF = new HttpString("X-Content-Type-Options");
    private static final HttpString FRAME = new HttpString("X-Frame-Options");
    private static final HttpString REFERRER = new HttpString("Referrer-Policy");
    private static final HttpString FORWARDED_PROTO = new HttpString("X-Forwarded-Proto");
    private static final HttpString FORWARDED_FOR = new HttpString("X-Forwarded-For");
    private static final String POLICY = "default-src 'self'; img-src 'self' https: data:; style-src 'self'; "
            + "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final AdminRoutes routes;
    private final Sessions sessions;
    private final Templates templates;
    private final AdminSettings settings;

    AdminHandler(AdminRoutes routes, Sessions sessions, Templates templates, AdminSettings settings) {
        this.routes = routes;
        this.sessions = sessions;
        this.templates = templates;
        this.settings = settings;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread() && !exchange.getRequestPath().startsWith(settings.prefix() + "/assets/")) {
            // Pages read the database: never on an IO thread. The bundled assets are bytes in memory, sent without
            // blocking, so they are answered right here: a stylesheet never queues behind pages that wait for a
            // database that is slow or away.
            exchange.dispatch(this);
            return;
        }
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(CSP, POLICY).put(NOSNIFF, "nosniff").put(FRAME, "DENY").put(REFERRER, "same-origin")
                .put(Headers.CACHE_CONTROL, "no-store");
        Session session = null;
        AdminResponse response;
        try {
            // The path below the prefix, from the request path itself (whatever the mount told the exchange).
            String requestPath = exchange.getRequestPath();
            String relative = requestPath.startsWith(settings.prefix()) ? requestPath.substring(settings.prefix().length()) : "";
            if (relative.isEmpty()) {
                response = new AdminResponse.Redirect(settings.prefix() + "/");
            } else if (relative.startsWith("assets/")) {
                // Stylesheets and scripts need no session, so none is looked up: no database either.
                response = route(exchange, relative, null);
            } else {
                session = sessionOf(exchange);
                response = route(exchange, relative, session);
            }
        } catch (BadRequestException e) {
            response = error(session, 400, "Bad request", e.getMessage());
        } catch (NotPermittedException e) {
            response = error(session, 403, "Not permitted", "Your role does not allow this.");
        } catch (ItemNotFoundException e) {
            response = error(session, 404, "Not found", e.getMessage());
        } catch (InvalidEditException | EditConflictException e) {
            // Pages that edit handle these themselves; one that did not is a bug, but not a 500 for the user.
            LOG.warn("an edit failure reached the admin's handler: {}", e.getMessage());
            response = error(session, 409, "Not saved", e.getMessage());
        } catch (RuntimeException e) {
            StorageUnavailableException unavailable = StorageOutages.find(e);
            if (unavailable instanceof StorageBusyException busy) {
                // Another writer (an import) holds the database: the same answer, told as a wait, not an outage.
                headers.put(Headers.RETRY_AFTER, StorageOutages.retryAfterSeconds(busy));
                response = error(session, 503, "Database busy", busy.getMessage()
                        + ". Nothing was changed; try again once the other write has finished.");
            } else if (unavailable != null) {
                // The database is away (the store logs that once): a page that says so, no trace per request.
                headers.put(Headers.RETRY_AFTER, StorageOutages.retryAfterSeconds(unavailable));
                response = error(session, 503, "Database unavailable", unavailable.getMessage()
                        + ". Nothing was changed; the page works again once the database answers.");
            } else {
                LOG.error("the admin failed answering {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e);
                response = error(session, 500, "Something went wrong", "The failure was logged; nothing else was changed.");
            }
        }
        send(exchange, response);
    }

    private AdminResponse route(HttpServerExchange exchange, String relative, Session session) {
        String method = exchange.getRequestMethod().toString();
        List<String> path = AdminPaths.segments(relative);
        if (!path.isEmpty() && path.getFirst().equals("assets")) {
            return Assets.serve(path);
        }
        Map<String, List<String>> query = AdminPaths.query(exchange.getQueryString());
        AdminRoutes.Match match = routes.match(method, path);
        if (match == null) {
            if (routes.pathExists(path)) {
                return error(session, 405, "Method not allowed", "This page does not answer " + Html.shorten(method, 20) + ".");
            }
            return error(session, 404, "Not found", "There is no admin page here.");
        }
        AdminRoutes.Route route = match.route();
        if (route.needs() != null && session == null) {
            String back = exchange.getRequestPath() + (exchange.getQueryString().isEmpty() ? "" : "?" + exchange.getQueryString());
            return new AdminResponse.Redirect(settings.prefix() + "/sign-in"
                    + Html.query(Html.params("next", method.equals("GET") ? back : "")));
        }
        Map<String, List<String>> form = Map.of();
        if (method.equals("POST")) {
            if (!sameOrigin(exchange)) {
                return error(session, 403, "Refused", "The form came from another site.");
            }
            form = readForm(exchange);
            // Every form behind the sign-in carries the session's token; the sign-in form itself has no
            // session to bind one to (the Origin check and the SameSite cookie guard it).
            if (route.needs() != null && !Sessions.sameToken(session.csrfToken(), first(form, CSRF_FIELD))) {
                return error(session, 403, "Refused", "The form's security token is missing or out of date. "
                        + "Reload the page and try again; nothing was changed.");
            }
        }
        if (route.needs() != null && !session.may(route.needs())) {
            return error(session, 403, "Not permitted", "Your role (" + Chrome.of(session, "", "", null).role()
                    + ") does not allow this; nothing was changed.");
        }
        return route.handler().handle(new AdminRequest(method, exchange.getRequestPath(), match.parameters(), query,
                form, session, clientAddress(exchange)));
    }

    private AdminResponse error(Session session, int status, String title, String message) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("chrome", Chrome.of(session, title, "", null));
        model.put("status", status);
        model.put("message", message);
        return templates.page(status, "error.jte", model);
    }

    private Session sessionOf(HttpServerExchange exchange) {
        Cookie cookie = exchange.getRequestCookie(COOKIE);
        if (cookie == null) {
            return null;
        }
        Optional<Session> found = sessions.find(cookie.getValue());
        if (found.isEmpty()) {
            return null;
        }
        Session session = found.get();
        // A caller is re-checked against its account now and then (disabled, role changed), not on every page.
        if (!session.checkedAt().plus(settings.recheckEvery()).isAfter(sessions.now())) {
            try {
                session = session.checked(settings.authentication().revalidate(session.caller()), sessions.now());
            } catch (AuthenticationFailedException e) {
                sessions.close(session);
                return null;
            }
            sessions.replace(session);
        }
        return session;
    }

    /**
     * A browser says where a POST's form came from; one from another origin is refused (with the
     * {@code SameSite=Strict} cookie and the CSRF token, a third guard, and the only one on the sign-in form).
     */
    private static boolean sameOrigin(HttpServerExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host == null) {
            return false;
        }
        int scheme = origin.indexOf("://");
        return scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
    }

    private Map<String, List<String>> readForm(HttpServerExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        exchange.startBlocking();
        try (InputStream in = exchange.getInputStream()) {
            byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                throw new BadRequestException("the form is larger than " + MAX_FORM_BYTES / 1024 + " KiB");
            }
            return AdminPaths.query(new String(body, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new BadRequestException("the form could not be read");
        }
    }

    String clientAddress(HttpServerExchange exchange) {
        InetSocketAddress peer = exchange.getSourceAddress();
        String address = peer == null || peer.getAddress() == null ? null : peer.getAddress().getHostAddress();
        if (address != null && settings.trustsProxy(address)) {
            // The hop the proxy itself appended is the last one; whatever the client wrote comes before it.
            String hop = lastListValue(exchange.getRequestHeaders().getLast(FORWARDED_FOR));
            if (hop != null && (IPV4.matcher(hop).matches() || IPV6.matcher(hop).matches())) {
                return hop;
            }
        }
        return address;
    }

    /** An IPv4 or IPv6 address as text, nothing else: what is not one is never a throttling key. */
    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile("[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f.]{0,15}){2,8}");

    /** The last element of a comma-separated header value, stripped; {@code null} for none. */
    private static String lastListValue(String header) {
        if (header == null) {
            return null;
        }
        String last = header.substring(header.lastIndexOf(',') + 1).strip();
        return last.isEmpty() ? null : last;
    }

    /** https directly, or announced by the configured proxy (and only by it: anyone can send the header). */
    boolean secure(HttpServerExchange exchange) {
        if ("https".equalsIgnoreCase(exchange.getRequestScheme())) {
            return true;
        }
        InetSocketAddress peer = exchange.getSourceAddress();
        String address = peer == null || peer.getAddress() == null ? null : peer.getAddress().getHostAddress();
        // Like X-Forwarded-For, the value the proxy wrote is the last one, in the last header.
        return address != null && settings.trustsProxy(address)
                && "https".equalsIgnoreCase(lastListValue(exchange.getRequestHeaders().getLast(FORWARDED_PROTO)));
    }

    /** The session cookie: never readable by scripts, never sent by another site, only over https when possible. */
    String sessionCookie(HttpServerExchange exchange, String value, boolean expire) {
        return COOKIE + "=" + value + "; Path=" + settings.prefix() + "; HttpOnly; SameSite=Strict"
                + (secure(exchange) ? "; Secure" : "") + (expire ? "; Max-Age=0" : "");
    }

    private void send(HttpServerExchange exchange, AdminResponse response) {
        HeaderMap headers = exchange.getResponseHeaders();
        switch (response) {
            case AdminResponse.SignedIn signedIn -> {
                exchange.setStatusCode(303);
                headers.put(Headers.SET_COOKIE, sessionCookie(exchange, signedIn.sessionId(), false));
                headers.put(Headers.LOCATION, signedIn.location());
                exchange.endExchange();
            }
            case AdminResponse.SignedOut signedOut -> {
                exchange.setStatusCode(303);
                headers.put(Headers.SET_COOKIE, sessionCookie(exchange, "", true));
                headers.put(Headers.LOCATION, signedOut.location());
                exchange.endExchange();
            }
            case AdminResponse.Redirect redirect -> {
                exchange.setStatusCode(303);
                headers.put(Headers.LOCATION, redirect.location());
                exchange.endExchange();
            }
            case AdminResponse.Page page -> {
                exchange.setStatusCode(page.status());
                headers.put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
                write(exchange, page.html());
            }
            case AdminResponse.Asset asset -> {
                headers.put(Headers.CONTENT_TYPE, asset.contentType());
                // Assets change only with a new jar; their URLs carry no version, so an hour is the compromise.
                headers.put(Headers.CACHE_CONTROL, "public, max-age=3600");
                write(exchange, asset.bytes());
            }
        }
    }

    private static void write(HttpServerExchange exchange, byte[] body) {
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        if (exchange.getRequestMethod().equalToString("HEAD")) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.getOrDefault(name, Collections.emptyList());
        return values.isEmpty() ? null : values.getFirst();
    }

    static List<String> copy(List<String> values) {
        return new ArrayList<>(values);
    }
}
