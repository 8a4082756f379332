package io.freecast.catalog.http.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How the catalog talks to the outside world.
 *
 * @param connectTimeout      how long to wait for a TCP/TLS connection
 * @param requestTimeout      how long a whole request may take, headers and body
 * @param maxRedirects        redirects followed before giving up (loops are detected before that)
 * @param allowPrivateTargets whether private, loopback and link-local addresses may be contacted
 *                            ({@link #ALLOW_PRIVATE_TARGETS} in messages); off by default, so a feed
 *                            or a stream URL cannot make the server probe its own network
 * @param userAgent           sent with every request so operators of the far side can tell who calls
 */
public record OutboundHttpSettings(Duration connectTimeout, Duration requestTimeout, int maxRedirects,
                                   boolean allowPrivateTargets, String userAgent) {

    /**
     * How a refused private target's message names the setting that allows it, so an application that sets
     * it from a flag of its own can say which.
     */
    public static final String ALLOW_PRIVATE_TARGETS = "OutboundHttpSettings.allowPrivateTargets";

    public OutboundHttpSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("maxRedirects must be between 0 and 20, got " + maxRedirects);
        }
        Objects.requireNonNull(userAgent, "userAgent");
    }

    public static OutboundHttpSettings defaults() {
        return new OutboundHttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), 5, false,
                "catalog/0.1 (+https://github.com/freecast/catalog)");
    }

    public OutboundHttpSettings withAllowPrivateTargets(boolean allow) {
        return new OutboundHttpSettings(connectTimeout, requestTimeout, maxRedirects, allow, userAgent);
    }

    public OutboundHttpSettings withTimeouts(Duration connect, Duration request) {
        return new OutboundHttpSettings(connect, request, maxRedirects, allowPrivateTargets, userAgent);
    }

    public OutboundHttpSettings withMaxRedirects(int redirects) {
        return new OutboundHttpSettings(connectTimeout, requestTimeout, redirects, allowPrivateTargets, userAgent);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
