package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.port.in.Authentication;
import io.freecast.catalog.port.in.AuthenticationFailedException;
import io.freecast.catalog.port.in.TooManyAttemptsException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accounts for the admin's tests, in memory: the storage-backed {@link Authentication} belongs to the
 * accounts module and is tested there; these tests need only its contract (one answer for every failure,
 * a refusal after repeated failures, a disabled account refused on re-check).
 */
final class TestAccounts implements Authentication {

    static final String PASSWORD = "correct horse battery staple";
    private static final int ALLOWED_FAILURES = 5;

    private final Map<String, Role> roles = new ConcurrentHashMap<>(Map.of(
            "ada", Role.ADMIN, "eddie", Role.EDITOR, "vera", Role.VIEWER));
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    @Override
    public Caller authenticateToken(String token, String clientAddress, Channel channel) {
        throw new AuthenticationFailedException();
    }

    @Override
    public Caller signIn(String accountName, String password, String clientAddress, Channel channel) {
        AtomicInteger failed = failures.computeIfAbsent(accountName, n -> new AtomicInteger());
        if (failed.get() >= ALLOWED_FAILURES) {
            throw new TooManyAttemptsException(Duration.ofSeconds(30));
        }
        Role role = roles.get(accountName);
        if (role == null || !PASSWORD.equals(password)) {
            failed.incrementAndGet();
            throw new AuthenticationFailedException();
        }
        failed.set(0);
        return caller(accountName, role);
    }

    @Override
    public Caller revalidate(Caller caller) {
        Role role = roles.get(caller.actor().name());
        if (role == null) {
            throw new AuthenticationFailedException();
        }
        return caller(caller.actor().name(), role);
    }

    void disable(String name) {
        roles.remove(name);
    }

    static Caller caller(String name, Role role) {
        return new Caller(Actor.account(name.hashCode() & 0xffff, name, Channel.WEB), role.scope());
    }
}
