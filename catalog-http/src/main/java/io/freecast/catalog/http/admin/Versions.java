package io.freecast.catalog.http.admin;

import io.freecast.catalog.domain.Versioned;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an edit form remembers about the item it was filled from: a hash of the item as it was read (every
 * field of the records, children included). Saving is conditional on it, so a form filled before someone
 * else saved is a conflict, never a silent overwrite.
 */
final class Versions {

    private Versions() {
    }

    static String of(Object item) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(item.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The expectation a form's hidden {@code version} field stands for; a missing one matches nothing. */
    static <T> Versioned<T> expecting(String version) {
        return current -> version != null && of(current).equals(version);
    }
}
