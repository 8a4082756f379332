package io.freecast.catalog.http.server;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Strong entity tags from a hash of the response body, and the {@code If-None-Match} comparison.
 *
 * <p>A gzipped body is a different representation, so it carries the same tag with a {@code -gz}
 * suffix (strong tags must differ between representations); a client revalidating either form gets a 304.
 */
final class ETags {

    static final String GZIP_SUFFIX = "-gz";

    /**
     * Never used itself, only cloned: looking the algorithm up per response ({@code getInstance}) took
     * more time than hashing a single item's body.
     */
    private static final MessageDigest SHA_256 = sha256();

    private ETags() {
    }

    /** {@code "<base64url of the first 128 bits of SHA-256>"}, quotes included. */
    static String of(byte[] body) {
        byte[] digest = newDigest().digest(body);
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)) + '"';
    }

    private static MessageDigest newDigest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String gzipped(String etag) {
        return etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + '"';
    }

    /**
     * Whether an {@code If-None-Match} header names this tag (weak comparison, as RFC 9110 asks for
     * {@code If-None-Match}: a {@code W/} prefix is ignored, and either representation's tag matches).
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isEmpty()) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String gz = gzipped(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag) || tag.equals(gz)) {
                return true;
            }
        }
        return false;
    }
}
