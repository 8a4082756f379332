package io.freecast.catalog.http.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.domain.MovieDraft;
import io.freecast.catalog.domain.ShowDraft;
import io.freecast.catalog.port.out.FeedItem;
import io.freecast.catalog.port.out.FeedReader;
import io.freecast.catalog.port.out.FeedUnreadableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads FreeCast-format feeds (README, "Importing feeds") — a JSON array of shows or movies — from an http(s) URL, a
 * file or a classpath resource, streaming: one array element is in memory at a time, never the feed —
 * and of that element only the fields the catalog reads ({@link FeedItemFields}), taken token by token
 * from Jackson's streaming parser; every other field is skipped unread.
 *
 * <pre>{@code
 * FeedReader feeds = new JsonFeedReader(new OutboundHttp(OutboundHttpSettings.defaults()));
 * }</pre>
 *
 * <p>URLs are fetched through {@link OutboundHttp}, so the SSRF guard applies to the feed URL and to
 * every redirect; the body may be gzip-encoded. The feed is unreadable — a
 * {@link FeedUnreadableException} with a one-line reason — when it cannot be reached, answers a non-2xx
 * status or an HTML page, is not JSON, is not an array, ends mid-stream, or is larger than the size limit.
 * Single elements that are unusable are rejected one by one instead, see {@link FreeCastItems}.
 */
public final class JsonFeedReader implements FeedReader {

    /** Comfortably above a 100,000-title feed (about 60 MB); raise it with the two-argument constructor. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(JsonFeedReader.class);

    /** Numbers longer than Jackson's default of 1,000 digits are garbage, not a reason to fail a feed. */
    private static final int MAX_NUMBER_LENGTH = 100_000;

    private final FeedStreams streams;
    private final JsonFactory json;

    public JsonFeedReader(OutboundHttp http) {
        this(http, DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the largest feed accepted, counted after gzip decoding */
    public JsonFeedReader(OutboundHttp http, long maxBytes) {
        Objects.requireNonNull(http, "http");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.streams = new FeedStreams(http, maxBytes, loader != null ? loader : JsonFeedReader.class.getClassLoader());
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_LENGTH).build())
                .build();
    }

    @Override
    public void readShows(FeedLocation location, Consumer<FeedItem<ShowDraft>> sink) {
        read(location, sink, new ItemMapping<>(true, FreeCastItems::show));
    }

    @Override
    public void readMovies(FeedLocation location, Consumer<FeedItem<MovieDraft>> sink) {
        read(location, sink, new ItemMapping<>(false, FreeCastItems::movie));
    }

    /** How one kind of item is read: which fields ({@code seasons} only for shows), and into which draft. */
    private record ItemMapping<T>(boolean withSeasons, Mapper<T> mapper) {
    }

    @FunctionalInterface
    private interface Mapper<T> {
        FeedItem<T> map(long index, FeedItemFields item);
    }

    private <T> void read(FeedLocation location, Consumer<FeedItem<T>> sink, ItemMapping<T> mapping) {
        Objects.requireNonNull(location, "location");
        long[] itemsRead = {0};
        try (InputStream in = streams.open(location); JsonParser parser = json.createParser(in)) {
            readArray(parser, sink, mapping, itemsRead);
        } catch (FeedUnreadableException e) {
            throw new FeedUnreadableException(where(location) + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FeedUnreadableException(where(location) + ": " + reason(e, itemsRead[0]), e);
        }
    }

    private <T> void readArray(JsonParser parser, Consumer<FeedItem<T>> sink, ItemMapping<T> mapping,
                               long[] itemsRead) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new FeedUnreadableException("the feed is empty");
        }
        if (first != JsonToken.START_ARRAY) {
            throw new FeedUnreadableException("the feed is " + describe(first) + ", not a JSON array");
        }
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new JsonEOFException(parser, null, "the feed ends before its closing ']'");
            }
            long index = itemsRead[0];
            sink.accept(item(parser, token, index, mapping));
            itemsRead[0]++;
        }
        if (parser.nextToken() != null) {
            throw new FeedUnreadableException("unexpected content after the feed's closing ']' (after "
                    + itemsRead[0] + " items)");
        }
    }

    /**
     * One element: an object's known fields are read token by token (bounded: one item), anything else is
     * skipped and rejected. A parser failure fails the feed; a failure of the mapping costs one item.
     */
    private static <T> FeedItem<T> item(JsonParser parser, JsonToken token, long index, ItemMapping<T> mapping)
            throws IOException {
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new FeedItem.Rejected<>(index, null, "the item is " + describe(token) + ", not a JSON object");
        }
        FeedItemFields fields = FeedItemFields.read(parser, mapping.withSeasons());
        try {
            return mapping.mapper().map(index, fields);
        } catch (RuntimeException e) {
            // A bug in the mapping must cost one item, not the feed; the log keeps the trace.
            LOG.warn("feed item {} could not be mapped", index, e);
            return new FeedItem.Rejected<>(index, FreeCastItems.itemId(fields),
                    "the item could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String reason(IOException e, long itemsRead) {
        String after = " (after " + itemsRead + " items)";
        if (e instanceof FeedSizeLimitStream.TooLargeException) {
            return e.getMessage() + after;
        }
        if (e instanceof StreamConstraintsException) {
            return "an item exceeds the parser's limits" + after + ": " + firstLine(e.getMessage());
        }
        if (e instanceof JsonEOFException || (e instanceof JsonParseException jpe
                && jpe.getOriginalMessage() != null && jpe.getOriginalMessage().startsWith("Unexpected end-of-input"))) {
            return "the feed ends in the middle of its JSON: truncated" + after;
        }
        if (e instanceof JsonParseException jpe) {
            var at = jpe.getLocation();
            return "the feed is not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + after
                    + ": " + firstLine(jpe.getOriginalMessage());
        }
        if (e instanceof BlockedTargetException || e instanceof RedirectException) {
            return firstLine(e.getMessage());
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + firstLine(e.getMessage());
        }
        if (e instanceof HttpTimeoutException) {
            return "the feed server did not answer in time";
        }
        if (e instanceof ConnectException) {
            return "could not connect to the feed server" + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
        }
        return "reading the feed failed" + after + ": " + (e.getMessage() == null
                ? e.getClass().getSimpleName() : firstLine(e.getMessage()));
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "a JSON object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "'" + token.asString() + "'";
        };
    }

    /** The location for messages and logs, without a URL's query string (it may carry an API key). */
    private static String where(FeedLocation location) {
        String text = location.toString();
        int query = text.indexOf('?');
        return "feed " + (location.kind() == FeedLocation.Kind.URL && query >= 0 ? text.substring(0, query) : text);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
