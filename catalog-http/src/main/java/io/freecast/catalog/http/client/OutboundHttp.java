package io.freecast.catalog.http.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one way the catalog makes outbound requests: feeds, ratings and link checks all go through here,
 * so the private-target rule, the timeouts and the redirect rules mean the same for every use.
 *
 * <p>The underlying client never follows redirects by itself: {@link #sendFollowingRedirects} follows
 * them one hop at a time and puts every hop through the {@link TargetGuard}, so a public URL cannot
 * redirect the server into its own network. Each hop connects to the very addresses the guard checked
 * for it ({@link CheckedAddresses}): a second DNS answer cannot lead elsewhere.
 */
public final class OutboundHttp implements AutoCloseable {

    private final OutboundHttpSettings settings;
    private final TargetGuard guard;
    /** Built on the first request: building one reads the TLS trust store, a good part of a cold start. */
    private HttpClient client;
    private boolean closed;

    public OutboundHttp(OutboundHttpSettings settings) {
        this(settings, new TargetGuard(settings.allowPrivateTargets()));
    }

    /** With a given guard; tests use it to resolve names without DNS. */
    public OutboundHttp(OutboundHttpSettings settings, TargetGuard guard) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    public OutboundHttpSettings settings() {
        return settings;
    }

    public TargetGuard guard() {
        return guard;
    }

    /**
     * Sends one request, after the guard allowed its target; adds the user agent and, when the request
     * has none, the configured timeout. Redirects are returned as they are.
     *
     * @throws BlockedTargetException when the guard refuses the target; nothing was sent
     */
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
            throws IOException, InterruptedException {
        List<InetAddress> checked = guard.check(request.uri());
        if (!checked.isEmpty() && !CheckedAddresses.isResolverInstalled()) {
            throw new BlockedTargetException("refusing to contact " + request.uri().getHost() + ": the checked "
                    + "address cannot be pinned (" + CheckedAddressResolverProvider.class.getName()
                    + " is not the JVM's resolver provider; is META-INF/services missing from the jar?)");
        }
        // The client resolves the host again when it connects: it must get the addresses just checked.
        CheckedAddresses.Pin pin = CheckedAddresses.pin(request.uri().getHost(), checked);
        try {
            return client().send(prepare(request), handler);
        } finally {
            pin.close();
        }
    }

    /**
     * Sends a request and follows redirects (301, 302, 303, 307, 308) up to the configured limit,
     * checking every hop with the guard. A 303, and a 301/302 answering a POST, continue as GET, as
     * browsers do.
     *
     * @throws RedirectException      on a loop, too many hops, or a redirect without a Location
     * @throws BlockedTargetException when the first URL or any hop is refused by the guard
     */
    public <T> HttpResponse<T> sendFollowingRedirects(HttpRequest request, BodyHandler<T> handler)
            throws IOException, InterruptedException {
        Set<URI> seen = new HashSet<>();
        HttpRequest current = request;
        for (int hop = 0; ; hop++) {
            seen.add(normalise(current.uri()));
            HttpResponse<T> response = send(current, discardingRedirectBodies(handler));
            if (!isRedirect(response.statusCode())) {
                return response;
            }
            URI next = location(response);
            if (!seen.add(normalise(next))) {
                throw new RedirectException(RedirectException.Kind.LOOP, response.statusCode(),
                        "redirect loop at " + next);
            }
            if (hop >= settings.maxRedirects()) {
                throw new RedirectException(RedirectException.Kind.TOO_MANY, response.statusCode(),
                        "more than " + settings.maxRedirects() + " redirects");
            }
            current = redirected(current, next, response.statusCode());
        }
    }

    public static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    @Override
    public void close() {
        HttpClient built;
        synchronized (this) {
            closed = true;
            built = client;
        }
        // Outside the lock: closing waits for the requests in flight.
        if (built != null) {
            built.close();
        }
    }

    /** The client, built on first use; once closed, a closed one (refusing to send, as before). */
    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            if (closed) {
                client.close();
            }
        }
        return client;
    }

    private HttpRequest prepare(HttpRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> true)
                .setHeader("User-Agent", settings.userAgent());
        if (request.timeout().isEmpty()) {
            builder.timeout(settings.requestTimeout());
        }
        return builder.build();
    }

    private static <T> BodyHandler<T> discardingRedirectBodies(BodyHandler<T> handler) {
        return info -> isRedirect(info.statusCode()) ? BodySubscribers.replacing(null) : handler.apply(info);
    }

    private static URI location(HttpResponse<?> response) throws RedirectException {
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null || location.isBlank()) {
            throw new RedirectException(RedirectException.Kind.MISSING_LOCATION, response.statusCode(),
                    "redirect " + response.statusCode() + " without a Location header");
        }
        try {
            return response.uri().resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new RedirectException(RedirectException.Kind.MISSING_LOCATION, response.statusCode(),
                    "redirect to an invalid Location: " + e.getMessage());
        }
    }

    private static HttpRequest redirected(HttpRequest previous, URI next, int status) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(previous, (name, value) -> true).uri(next);
        boolean becomesGet = status == 303 || ((status == 301 || status == 302) && previous.method().equals("POST"));
        if (becomesGet) {
            builder.GET();
        }
        return builder.build();
    }

    private static URI normalise(URI uri) {
        return uri.normalize();
    }
}
