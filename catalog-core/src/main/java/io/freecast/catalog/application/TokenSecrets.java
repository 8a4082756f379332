package io.freecast.catalog.application;

import io.freecast.catalog.port.in.TokenAdministration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token values: made from 32 random bytes (256 bits, base64url after {@link TokenAdministration#TOKEN_PREFIX}),
 * and stored as their SHA-256. A slow hash would add nothing here: a value that random cannot be guessed,
 * and a fast, unsalted hash lets the storage find a token by it.
 */
final class TokenSecrets {

    private static final int RANDOM_BYTES = 32;
    /** The prefix and 43 base64url characters: anything longer is not a token of ours. */
    static final int TOKEN_LENGTH = TokenAdministration.TOKEN_PREFIX.length() + 43;

    private final SecureRandom random;

    TokenSecrets(SecureRandom random) {
        this.random = random;
    }

    String newToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return TokenAdministration.TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code token} has the shape of a value {@link #newToken()} makes (not whether it exists). */
    static boolean looksLikeToken(String token) {
        if (token.length() != TOKEN_LENGTH || !token.startsWith(TokenAdministration.TOKEN_PREFIX)) {
            return false;
        }
        for (int i = TokenAdministration.TOKEN_PREFIX.length(); i < token.length(); i++) {
            char c = token.charAt(i);
            boolean base64url = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    /** The lowercase hex SHA-256 of the token's UTF-8 bytes: what the storage keeps and looks tokens up by. */
    static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
