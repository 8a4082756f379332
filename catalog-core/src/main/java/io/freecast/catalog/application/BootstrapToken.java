package io.freecast.catalog.application;

import java.security.MessageDigest;

/**
 * The operator-supplied admin token that lets a fresh installation be set up over HTTP before any account
 * exists. Only its SHA-256 is kept, and a presented token is compared digest to digest in constant time,
 * so neither its length nor its content shows in how long a refusal takes.
 */
final class BootstrapToken {

    /** Shorter than this is not a secret: a person could guess or brute-force it. */
    static final int MIN_LENGTH = 16;

    private final byte[] digest;

    private BootstrapToken(byte[] digest) {
        this.digest = digest;
    }

    /**
     * @throws IllegalArgumentException when the token is shorter than {@value #MIN_LENGTH} characters (the
     *                                  message does not repeat it)
     */
    static BootstrapToken of(String token) {
        if (token == null || token.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the bootstrap admin token must be at least " + MIN_LENGTH
                    + " characters long");
        }
        return new BootstrapToken(TokenSecrets.sha256(token.strip()));
    }

    boolean matches(String presented) {
        return MessageDigest.isEqual(digest, TokenSecrets.sha256(presented.strip()));
    }
}
