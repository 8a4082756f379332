package io.freecast.catalog.http.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The addresses the {@link TargetGuard} checked, by host name, while a request to that host is in flight.
 *
 * <p>java.net.http's client resolves a host name again when it connects, after the guard resolved and
 * checked it: a DNS server that answers a public address first and 127.0.0.1 second (DNS rebinding)
 * would get past the guard. The client offers no per-client resolver, so {@link CheckedAddressResolverProvider}
 * (installed for the whole JVM through {@code META-INF/services}) answers a pinned host's lookups with the
 * addresses pinned here, and every other lookup as the JVM always does. The client thus connects to an
 * address that was checked, on every hop.
 *
 * <p>A pin lasts while its request is sent; two requests to one host in flight at once share the pin
 * (both answers were checked, so either may be used).
 */
final class CheckedAddresses {

    private static final Map<String, Pinned> PINNED = new ConcurrentHashMap<>();
    private static volatile boolean resolverInstalled;

    private CheckedAddresses() {
    }

    /** Pins {@code host} to {@code addresses} until the returned pin is closed. */
    static Pin pin(String host, List<InetAddress> addresses) {
        if (host == null || addresses.isEmpty()) {
            return () -> { };
        }
        String key = key(host);
        PINNED.compute(key, (k, existing) -> new Pinned(addresses, existing == null ? 1 : existing.users() + 1));
        return () -> PINNED.computeIfPresent(key, (k, existing) ->
                existing.users() <= 1 ? null : new Pinned(existing.addresses(), existing.users() - 1));
    }

    /** The checked addresses of {@code host} while a request to it is in flight, or {@code null}. */
    static List<InetAddress> pinned(String host) {
        Pinned pinned = PINNED.get(key(host));
        return pinned == null ? null : pinned.addresses();
    }

    static void resolverInstalled() {
        resolverInstalled = true;
    }

    /**
     * Whether the JVM resolves names through {@link CheckedAddressResolverProvider}; without it the guard
     * cannot make the checked address the connected one, so guarded requests are refused.
     */
    static boolean isResolverInstalled() {
        if (!resolverInstalled) {
            try {
                // The JVM picks its resolver on its first name lookup: make sure one has happened.
                InetAddress.getAllByName("localhost");
            } catch (UnknownHostException e) {
                // Only the lookup mattered, not its answer.
            }
        }
        return resolverInstalled;
    }

    private static String key(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.toLowerCase(Locale.ROOT);
    }

    /** Ends a pin: closed exactly once, in a {@code finally} around the request. */
    @FunctionalInterface
    interface Pin extends AutoCloseable {
        @Override
        void close();
    }

    private record Pinned(List<InetAddress> addresses, int users) {
    }
}
