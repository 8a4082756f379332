package io.freecast.catalog.http.client;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The SSRF guard: refuses URLs whose host is, or resolves to, an address inside this machine or its
 * private network, unless private targets are allowed. A feed, a ratings URL or a stream link comes
 * from outside; without this check it could make the server probe 127.0.0.1:5432 or a cloud metadata
 * endpoint (169.254.169.254).
 *
 * <p>Every address a host name resolves to must be public: one private answer is enough to refuse,
 * because the HTTP client may pick any of them. The addresses checked are the addresses connected to:
 * {@link OutboundHttp} pins them for the request ({@link CheckedAddresses}), so a DNS answer that changes
 * between the check and the connection (DNS rebinding) is never used.
 */
public final class TargetGuard {

    private final boolean allowPrivate;
    private final HostResolver resolver;

    /** Resolves host names; tests give one that answers without DNS. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public TargetGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public TargetGuard(boolean allowPrivate, HostResolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    public boolean allowsPrivateTargets() {
        return allowPrivate;
    }

    /**
     * Checks that {@code uri} is an http(s) URL whose host may be contacted.
     *
     * @return the addresses the host resolved to and that were checked, which the request must connect to
     *         ({@link OutboundHttp} pins them); empty when private targets are allowed (nothing was checked)
     * @throws BlockedTargetException naming the host and the address class when it may not, or when the
     *                                URL is not http(s) or has no host
     * @throws UnknownHostException   when the host does not resolve
     */
    public List<InetAddress> check(URI uri) throws BlockedTargetException, UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BlockedTargetException("only http and https URLs are fetched, not '" + uri + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new BlockedTargetException("URL has no host: " + uri);
        }
        if (allowPrivate) {
            return List.of();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(bare);
        for (InetAddress address : addresses) {
            String kind = nonPublicKind(address);
            if (kind != null) {
                throw new BlockedTargetException("refusing to contact " + host + " (" + address.getHostAddress()
                        + " is a " + kind + " address); allow private targets with "
                        + OutboundHttpSettings.ALLOW_PRIVATE_TARGETS);
            }
        }
        return List.of(addresses);
    }

    /** The kind of non-public address this is, or {@code null} for a public one. */
    static String nonPublicKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "wildcard";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private (unique local)";
            }
            if (isIpv4Mapped(b)) {
                try {
                    return nonPublicKind(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return "unresolvable";
                }
            }
            return null;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return "reserved (0.0.0.0/8)";
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return "shared (carrier-grade NAT)";
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "benchmarking";
        }
        if (first >= 240) {
            return "reserved";
        }
        return null;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
