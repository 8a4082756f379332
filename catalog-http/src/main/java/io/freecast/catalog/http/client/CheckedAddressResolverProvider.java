package io.freecast.catalog.http.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JVM's name resolver with one difference: a host name the {@link TargetGuard} has just checked for
 * an outbound request resolves to the addresses it checked ({@link CheckedAddresses}), not to whatever
 * DNS answers the second time. Every other lookup (the database's host, anything else) goes to the JVM's
 * built-in resolver unchanged.
 *
 * <p>Installed through {@code META-INF/services/java.net.spi.InetAddressResolverProvider}: the JDK's
 * HTTP client has no resolver of its own to plug into, and this is the supported way to decide what a
 * name resolves to.
 */
public final class CheckedAddressResolverProvider extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        CheckedAddresses.resolverInstalled();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                List<InetAddress> checked = CheckedAddresses.pinned(host);
                if (checked == null) {
                    return builtin.lookupByName(host, policy);
                }
                List<InetAddress> allowed = checked.stream().filter(a -> fits(a, policy)).toList();
                if (allowed.isEmpty()) {
                    throw new UnknownHostException(host + ": no checked address of the kind asked for");
                }
                return allowed.stream();
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    private static boolean fits(InetAddress address, InetAddressResolver.LookupPolicy policy) {
        int c = policy.characteristics();
        boolean v4 = (c & InetAddressResolver.LookupPolicy.IPV4) != 0;
        boolean v6 = (c & InetAddressResolver.LookupPolicy.IPV6) != 0;
        return address.getAddress().length == 4 ? v4 : v6;
    }

    @Override
    public String name() {
        return "catalog-checked-addresses";
    }
}
