package io.freecast.catalog.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in to the admin and owns API tokens. Its password is never part of it: only the
 * storage keeps the password's hash, and nothing hands that out.
 *
 * @param id           the account's id
 * @param name         as it was created; unique ignoring case ({@link AccountNames})
 * @param role         what the account may do
 * @param enabled      a disabled account cannot sign in, and its tokens are refused
 * @param createdAt    when it was added
 * @param lastSignInAt its last successful sign-in with a password; {@code null} when never
 */
public record Account(long id, String name, Role role, boolean enabled, Instant createdAt, Instant lastSignInAt) {

    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
