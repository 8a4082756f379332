package io.freecast.catalog.http.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a feed object holds where the catalog expects an object or an array: the content read from it
 * when it is one, and only its type when it is anything else (which is skipped unread).
 *
 * @param content what {@link ContentReader} read; {@code null} when the value is not of the expected type
 */
record FeedNested<T>(FeedScalar.Type type, T content) {

    /** Reads the content of the object or array at the parser's current token, up to and including its end. */
    @FunctionalInterface
    interface ContentReader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /** The object at the parser's current token read by {@code reader}, or the type of what is there instead. */
    static <T> FeedNested<T> object(JsonParser parser, ContentReader<T> reader) throws IOException {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            return new FeedNested<>(FeedScalar.Type.OBJECT, reader.read(parser));
        }
        return new FeedNested<>(FeedScalar.skip(parser), null);
    }

    /** The array at the parser's current token, each element read by {@code element}; or the type of what is there. */
    static <T> FeedNested<List<T>> array(JsonParser parser, ContentReader<T> element) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return new FeedNested<>(FeedScalar.skip(parser), null);
        }
        List<T> elements = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new JsonEOFException(parser, null, "the feed ends inside an array");
            }
            elements.add(element.read(parser));
        }
        return new FeedNested<>(FeedScalar.Type.ARRAY, elements);
    }

    boolean isNull() {
        return type == FeedScalar.Type.NULL;
    }

    /** Whether the value was of the expected type, so {@link #content} holds what was read. */
    boolean isExpected() {
        return content != null;
    }
}
