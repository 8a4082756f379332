package io.freecast.catalog.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A keyset position in a sorted list: "the rows after (or before) the row whose sort value is
 * {@code sortValue} and whose id is {@code id}". Clients see it only as an opaque token
 * ({@link #encode()}); it names the sort it was made for, so a cursor is never applied to another order.
 *
 * @param sort      the sort it belongs to, as written in the API ({@code title}, {@code -imdb_rating})
 * @param direction whether the page wanted lies after or before the position
 * @param sortValue the boundary row's sort value in its storage text form; {@code null} for a null value
 * @param id        the boundary row's id: the tie-breaker that makes every order total
 * @param memo      what the store that made the cursor wants back with the next page, opaque to everyone
 *                  else ({@code null} for none): e.g. a search's count, so later pages need not count
 *                  again. A client could alter it like any cursor, so a store uses it only as a hint it
 *                  checks, never to decide what a page contains
 */
public record Cursor(String sort, Direction direction, String sortValue, long id, String memo) {

    public enum Direction { AFTER, BEFORE }

    private static final int MAX_TOKEN_LENGTH = 2048;

    public Cursor {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(direction, "direction");
        if (memo != null && (memo.isEmpty() || memo.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("a cursor's memo is one non-empty line");
        }
    }

    /** A cursor without a memo. */
    public Cursor(String sort, Direction direction, String sortValue, long id) {
        this(sort, direction, sortValue, id, null);
    }

    /** This cursor carrying {@code memo} instead of its own. */
    public Cursor withMemo(String memo) {
        return new Cursor(sort, direction, sortValue, id, memo);
    }

    /** The opaque URL-safe token clients pass back as {@code ?cursor=}. */
    public String encode() {
        String plain = (direction == Direction.AFTER ? "a" : "b") + (memo == null ? "" : ":" + memo) + "\n" + sort + "\n" + id + "\n"
                + (sortValue == null ? "-" : "+" + sortValue);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token made by {@link #encode()}.
     *
     * @throws IllegalArgumentException "cursor is malformed" for anything else, whatever the input
     */
    public static Cursor decode(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw malformed();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("\n", 4);
            if (parts.length != 4 || parts[3].isEmpty()) {
                throw malformed();
            }
            // The first line is the direction, then optionally ":" and the memo (tokens made before memos
            // existed have none and still decode).
            String head = parts[0];
            if (head.isEmpty() || (head.length() > 1 && (head.charAt(1) != ':' || head.length() == 2))) {
                throw malformed();
            }
            Direction direction = switch (head.charAt(0)) {
                case 'a' -> Direction.AFTER;
                case 'b' -> Direction.BEFORE;
                default -> throw malformed();
            };
            String memo = head.length() > 2 ? head.substring(2) : null;
            String value = switch (parts[3].charAt(0)) {
                case '-' -> null;
                case '+' -> parts[3].substring(1);
                default -> throw malformed();
            };
            return new Cursor(parts[1], direction, value, Long.parseLong(parts[2]), memo);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static IllegalArgumentException malformed() {
        return new IllegalArgumentException("cursor is malformed; use the value from a Link header as it is");
    }
}
