package io.freecast.catalog.application;

import io.freecast.catalog.domain.Account;
import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.IssuedToken;
import io.freecast.catalog.domain.NewToken;
import io.freecast.catalog.domain.Role;
import io.freecast.catalog.domain.Scope;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * The access services over in-memory storage with a hand-turned clock. The hasher runs 1,000 iterations
 * instead of 600,000 so the tests take milliseconds; {@link PasswordHasherTest} covers the real factor.
 */
final class AccessFixture {

    static final String PASSWORD = "a long enough passphrase";
    static final Caller OPERATOR = new Caller(Actor.operator("root"), Scope.ADMIN);

    final HandClock clock = new HandClock(Instant.parse("2026-12-01T10:00:00Z"));
    final InMemoryAccessStore store = new InMemoryAccessStore();
    final PasswordHasher hasher;
    final AccessServices services;

    AccessFixture() {
        this(1_000, null);
    }

    AccessFixture(int iterations, String bootstrapToken) {
        this(new PasswordHasher(iterations, new SecureRandom()), bootstrapToken);
    }

    AccessFixture(PasswordHasher hasher, String bootstrapToken) {
        this.hasher = hasher;
        this.services = new AccessServices(store, store.tokens, store, store, clock, bootstrapToken, hasher,
                new FailureThrottle(clock, FailureThrottle.Rules.DEFAULT));
    }

    Account account(String name, Role role) {
        return services.accounts().addAccount(OPERATOR, name, role, PASSWORD);
    }

    IssuedToken token(String account, Scope scope) {
        return services.tokens().createToken(OPERATOR, new NewToken(account, "deploy", scope, null));
    }
}
