package io.freecast.catalog.http.server;

import java.nio.charset.StandardCharsets;

/** Percent-encoding for the URLs the server writes itself (links to other pages). */
final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /** Encodes everything but RFC 3986 unreserved characters, so the result is safe in a path or query. */
    static String encode(String text) {
        StringBuilder out = null;
        byte[] bytes = null;
        for (int i = 0; i < text.length(); i++) {
            if (!unreserved(text.charAt(i))) {
                bytes = text.getBytes(StandardCharsets.UTF_8);
                out = new StringBuilder(bytes.length * 3);
                break;
            }
        }
        if (out == null) {
            return text;
        }
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if (unreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
