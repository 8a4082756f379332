package io.freecast.catalog.domain;

import java.util.Objects;

/**
 * A token just created, with its value: the only time the value exists outside its owner's hands. Show it
 * once and drop it. {@link #toString()} leaves the value out, so logging this by mistake leaks nothing.
 *
 * @param token  the token as it will be listed
 * @param secret the value a client sends as {@code Authorization: Bearer <secret>}
 */
public record IssuedToken(ApiToken token, String secret) {

    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedToken[token=" + token + ", secret=(shown once, not printed)]";
    }
}
