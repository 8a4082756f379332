package io.freecast.catalog.domain;

/**
 * A quick yes to "is this an absolute http(s) URL with a host?" for URLs of the plainest form, which are
 * nearly all of them: {@code http://} or {@code https://}, a DNS host name, then an optional path and
 * query of characters that need no escaping. {@link java.net.URI} accepts every such text with that
 * scheme and host; anything else — a port, user info, an IP address, a percent escape, a fragment,
 * non-ASCII text — is not matched, and the caller asks {@code java.net.URI}, which has the last word.
 *
 * <p>Why: an import checks two or three URLs per item, and parsing each with {@code java.net.URI} was
 * about 7% of a fresh import's CPU.
 */
public final class PlainHttpUrl {

    private PlainHttpUrl() {
    }

    /**
     * Whether {@code url} has the plain form described above; {@code false} says nothing about whether it
     * is valid.
     */
    public static boolean matches(String url) {
        int start = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
        if (start < 0) {
            return false;
        }
        int end = hostEnd(url, start);
        return end > start && restIsPlain(url, end);
    }

    /**
     * The end of a host name of dot-separated labels of ASCII letters, digits and inner hyphens, whose last
     * label starts with a letter (so it is neither an IPv4 address nor a name {@code java.net.URI}
     * refuses); -1 when the text there is not such a host followed by the end, {@code /} or {@code ?}.
     */
    private static int hostEnd(String url, int start) {
        int i = start;
        int lastLabel;
        while (true) {
            lastLabel = i;
            if (i >= url.length() || !isLetterOrDigit(url.charAt(i))) {
                return -1;
            }
            while (i < url.length() && (isLetterOrDigit(url.charAt(i)) || url.charAt(i) == '-')) {
                i++;
            }
            if (url.charAt(i - 1) == '-') {
                return -1;
            }
            if (i < url.length() && url.charAt(i) == '.') {
                i++;
                continue;
            }
            break;
        }
        if (!isLetter(url.charAt(lastLabel))) {
            return -1;
        }
        return i == url.length() || url.charAt(i) == '/' || url.charAt(i) == '?' ? i : -1;
    }

    /** A path and a query ({@code ?} on) of characters that are legal there unescaped. */
    private static boolean restIsPlain(String url, int from) {
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c != '?' && !isPlain(c)) {
                return false;
            }
        }
        return true;
    }

    /** Unreserved characters, sub-delimiters, {@code :}, {@code @} and {@code /}: legal unescaped in a path or query. */
    private static boolean isPlain(char c) {
        return isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    private static boolean isLetterOrDigit(char c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
