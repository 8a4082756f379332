package io.freecast.catalog.http.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;

/**
 * One value of a feed object where the catalog expects a string or a number, as read from the stream:
 * the text of a string, the number of a number, and only the type of anything else — an object or an
 * array found there is skipped unread, so a hostile value costs no memory.
 *
 * @param text   a string's text; {@code null} for other types
 * @param number an {@link Integer}, {@link Long} or {@link BigInteger} for a number written without a
 *               fraction or exponent, a {@link Double} for any other; {@code null} for other types
 */
record FeedScalar(Type type, String text, Number number) {

    /** The JSON types, named as messages name them ("dropped: an array, not an object"). */
    enum Type {
        STRING("a string"), NUMBER("a number"), BOOLEAN("a boolean"), NULL("null"), OBJECT("an object"),
        ARRAY("an array");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    private static final FeedScalar BOOLEAN = new FeedScalar(Type.BOOLEAN, null, null);
    private static final FeedScalar NULL = new FeedScalar(Type.NULL, null, null);
    private static final FeedScalar OBJECT = new FeedScalar(Type.OBJECT, null, null);
    private static final FeedScalar ARRAY = new FeedScalar(Type.ARRAY, null, null);

    /** The value at the parser's current token; an object or array is skipped to its end. */
    static FeedScalar read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case VALUE_STRING -> new FeedScalar(Type.STRING, parser.getText(), null);
            // As Jackson's tree holds numbers: int, long or BigInteger by size, double for the rest.
            case VALUE_NUMBER_INT -> new FeedScalar(Type.NUMBER, null, parser.getNumberValue());
            case VALUE_NUMBER_FLOAT -> new FeedScalar(Type.NUMBER, null, parser.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> BOOLEAN;
            case VALUE_NULL -> NULL;
            case START_OBJECT -> {
                parser.skipChildren();
                yield OBJECT;
            }
            case START_ARRAY -> {
                parser.skipChildren();
                yield ARRAY;
            }
            default -> throw new IllegalStateException("not at a JSON value: " + token);
        };
    }

    /** The type of the value at the parser's current token, which is skipped to its end. */
    static Type skip(JsonParser parser) throws IOException {
        return read(parser).type();
    }

    boolean isText() {
        return type == Type.STRING;
    }

    boolean isNumber() {
        return type == Type.NUMBER;
    }

    boolean isNull() {
        return type == Type.NULL;
    }

    /** A number without a fraction or exponent (an id written {@code 101}). */
    boolean isIntegral() {
        return number instanceof Integer || number instanceof Long || number instanceof BigInteger;
    }

    /**
     * A string's text, or a number written as text the way the feed's number reads back ({@code 1917},
     * {@code 7.5}, {@code 1.5E300}); {@code null} for other types.
     */
    String asText() {
        if (type == Type.STRING) {
            return text;
        }
        return number == null ? null : number.toString();
    }

    /** A number's value as a double (a huge integer becomes infinite); NaN for other types. */
    double asDouble() {
        return number == null ? Double.NaN : number.doubleValue();
    }
}
