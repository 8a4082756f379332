package io.freecast.catalog.http.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The two things in a request line that Undertow's parser gets wrong for us, checked before it reads the line:
 * a percent sign not followed by two hexadecimal digits (the parser answers a bare 400 with no body, before
 * any handler can say which parameter is at fault), and a protocol version whose major number is not 1 (the
 * parser takes {@code HTTP/9.9} for HTTP/1.1 and serves it). Everything else is left to the parser and the
 * handlers, which already answer it properly.
 *
 * <p>Reads the line in place (no copy, no allocation) when it is fine, which is every request but the
 * rejected ones.
 */
final class RequestLineCheck {

    private RequestLineCheck() {
    }

    /**
     * The rejection for the request line in {@code bytes[start, end)} (without its CR LF), or {@code null} when
     * it may go on to the parser as it is.
     */
    static RejectionAnswer check(ByteBuffer bytes, int start, int end) {
        int firstSpace = indexOf(bytes, (byte) ' ', start, end);
        int lastSpace = lastIndexOf(bytes, (byte) ' ', start, end);
        if (firstSpace < 0 || lastSpace <= firstSpace) {
            return null; // not method SP target SP version: the parser refuses it, in its own words
        }
        if (unsupportedMajorVersion(bytes, lastSpace + 1, end)) {
            return RejectionAnswer.of(505, "this server speaks HTTP/1.1 (and 1.0); the request asked for "
                    + ascii(bytes, lastSpace + 1, end), null);
        }
        if (hasBadPercentEscape(bytes, firstSpace + 1, lastSpace)) {
            return targetRejection(ascii(bytes, firstSpace + 1, lastSpace));
        }
        return null;
    }

    /** {@code HTTP/d.d} with a major digit other than 1; any other shape is the parser's to refuse. */
    private static boolean unsupportedMajorVersion(ByteBuffer bytes, int start, int end) {
        if (end - start != 8) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            if (bytes.get(start + i) != "HTTP/".charAt(i)) {
                return false;
            }
        }
        byte major = bytes.get(start + 5);
        return isDigit(major) && bytes.get(start + 6) == '.' && isDigit(bytes.get(start + 7)) && major != '1';
    }

    private static boolean hasBadPercentEscape(ByteBuffer bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes.get(i) == '%'
                    && (i + 2 >= end || !isHexDigit(bytes.get(i + 1)) || !isHexDigit(bytes.get(i + 2)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same words {@link RequestTarget} uses for the same mistake, naming the parameter at fault — the line
     * is decoded exactly as the handlers would have decoded it.
     */
    private static RejectionAnswer targetRejection(String target) {
        if (target.startsWith("/")) {
            int question = target.indexOf('?');
            try {
                RequestTarget.parse(question < 0 ? target : target.substring(0, question),
                        question < 0 ? "" : target.substring(question + 1));
            } catch (ApiProblem problem) {
                return RejectionAnswer.of(problem.status(), problem.detail(), problem.parameter());
            }
        }
        return RejectionAnswer.of(400, "the request target contains a bad percent escape", null);
    }

    private static int indexOf(ByteBuffer bytes, byte wanted, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(ByteBuffer bytes, byte wanted, int start, int end) {
        for (int i = end - 1; i >= start; i--) {
            if (bytes.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(ByteBuffer bytes, int start, int end) {
        byte[] copy = new byte[end - start];
        bytes.get(start, copy);
        return new String(copy, StandardCharsets.ISO_8859_1);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isHexDigit(byte b) {
        return isDigit(b) || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
