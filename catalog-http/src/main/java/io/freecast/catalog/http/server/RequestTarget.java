package io.freecast.catalog.http.server;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decoded request target: path segments and query parameters.
 *
 * <p>The server decodes URLs itself (Undertow's decoding is switched off) so that every malformed
 * target — a bad percent escape, bytes that are not UTF-8, a control character such as {@code %00} —
 * gets a 400 problem naming what is wrong, instead of a bare error page or a surprise downstream.
 */
final class RequestTarget {

    /** More query parameters than any route reads is not a catalog query. */
    static final int MAX_QUERY_PARAMETERS = 64;

    private final List<String> segments;
    private final Map<String, List<String>> query;
    private final boolean trailingSlash;

    private RequestTarget(List<String> segments, Map<String, List<String>> query, boolean trailingSlash) {
        this.segments = segments;
        this.query = query;
        this.trailingSlash = trailingSlash;
    }

    /**
     * @param rawPath  the path as sent, still percent-encoded
     * @param rawQuery the query string as sent (without {@code ?}), or empty
     * @throws ApiProblem 400 for a malformed target
     */
    static RequestTarget parse(String rawPath, String rawQuery) {
        List<String> segments = new ArrayList<>();
        for (String raw : splitPath(rawPath)) {
            segments.add(decode(raw, false, "path"));
        }
        return new RequestTarget(List.copyOf(segments), parseQuery(rawQuery), rawPath.length() > 1 && rawPath.endsWith("/"));
    }

    /** Splits {@code /a/b/} into {@code [a, b]}: one trailing slash is optional, inner empty segments stay. */
    static List<String> splitPath(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return List.of(trimmed.split("/", -1));
    }

    List<String> segments() {
        return segments;
    }

    boolean trailingSlash() {
        return trailingSlash;
    }

    /**
     * One query parameter; empty when absent.
     *
     * @throws ApiProblem 400 when given more than once (which value was meant is anyone's guess)
     */
    Optional<String> single(String name) {
        List<String> values = query.get(name);
        if (values == null) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ApiProblem.badParameter(name, name + " was given " + values.size() + " times; give it once");
        }
        return Optional.of(values.getFirst());
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> parameters = new HashMap<>();
        int count = 0;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_QUERY_PARAMETERS) {
                throw ApiProblem.badRequest("the query string has more than " + MAX_QUERY_PARAMETERS + " parameters");
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), true, "query");
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true, name);
            parameters.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
        }
        return parameters;
    }

    /**
     * Strict percent-decoding into UTF-8.
     *
     * @param plusIsSpace form encoding, as browsers write query strings
     * @param what        the parameter (or "path"/"query") named in the error
     */
    static String decode(String raw, boolean plusIsSpace, String what) {
        boolean plain = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' || (plusIsSpace && c == '+') || c < 0x20 || c >= 0x7f) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw malformed(what, "an incomplete percent escape");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw malformed(what, "a bad percent escape '" + raw.substring(i, i + 3) + "'");
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else if (plusIsSpace && c == '+') {
                bytes.put((byte) ' ');
            } else if (c >= 0x80) {
                throw malformed(what, "a character that is not percent-encoded");
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        String decoded;
        try {
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CharBuffer chars = utf8.decode(bytes);
            decoded = chars.toString();
        } catch (CharacterCodingException e) {
            throw malformed(what, "bytes that are not UTF-8");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw malformed(what, "a control character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        return decoded;
    }

    private static ApiProblem malformed(String what, String reason) {
        String detail = what.equals("path") || what.equals("query")
                ? "the " + what + " contains " + reason
                : "query parameter " + what + " contains " + reason;
        return what.equals("path") || what.equals("query") ? ApiProblem.badRequest(detail)
                : ApiProblem.badParameter(what, detail);
    }
}
