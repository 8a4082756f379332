package io.freecast.catalog.http.admin;

import io.freecast.catalog.port.in.Authentication;
import java.time.Duration;
import java.util.Set;

/**
 * How the admin behaves: where it is mounted, the idle timeout, how often a session's account is
 * re-checked, and which proxy (if any) is trusted to say that a request came over https and from whom.
 */
record AdminSettings(String prefix, Duration idleTimeout, Duration recheckEvery, Set<String> trustedProxies,
                     Authentication authentication) {

    boolean trustsProxy(String address) {
        return trustedProxies.contains(address);
    }
}
