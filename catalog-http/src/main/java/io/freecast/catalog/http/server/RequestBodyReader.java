package io.freecast.catalog.http.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body whole, but never more than a limit: a body declared larger is refused without being
 * kept, and one that turns out larger (chunked, or lying about its length) as soon as it passes the limit.
 * Either way the client gets a 413 problem and nothing of it reaches a handler.
 *
 * <p>Before answering, the rest of a refused body is read and thrown away, up to {@link #DISCARD_AT_MOST}: a
 * server that answers and closes while the client is still sending makes the client's TCP stack reset the
 * connection, and the client never sees the 413 (it reads "connection reset" instead). A body larger than
 * that is refused unread, and such a client may see the reset.
 */
final class RequestBodyReader {

    private static final int CHUNK = 8 * 1024;
    /** The most of a refused body read (and dropped) so that its sender hears the 413. */
    static final long DISCARD_AT_MOST = 16L * 1024 * 1024;

    private RequestBodyReader() {
    }

    /** Reads the exchange's body on the calling worker thread (blocking). */
    static byte[] read(HttpServerExchange exchange, int limit) {
        String declared = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
        if (declared != null && declaredTooLarge(declared, limit)) {
            discardRest(exchange);
            throw tooLarge(limit);
        }
        if (!exchange.isRequestChannelAvailable() || exchange.isRequestComplete() && declared == null) {
            return new byte[0];
        }
        // Undertow's own cap (the server's MAX_ENTITY_SIZE) would cut the connection instead of answering;
        // this reader enforces the limit itself and lets Undertow stop only what it would not even discard.
        exchange.setMaxEntitySize(Math.max(limit + 1L, DISCARD_AT_MOST));
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        try {
            return read(exchange.getInputStream(), limit);
        } catch (ApiProblem tooLarge) {
            discardRest(exchange);
            throw tooLarge;
        } catch (RequestTooBigException e) {
            throw tooLarge(limit);
        } catch (IOException e) {
            throw ApiProblem.badRequest("the request body could not be read to its end");
        }
    }

    /** Reads what is left of the body, up to {@link #DISCARD_AT_MOST} in all, and drops it; quietly gives up. */
    private static void discardRest(HttpServerExchange exchange) {
        if (!exchange.isRequestChannelAvailable() || exchange.isRequestComplete()) {
            return;
        }
        String declared = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
        if (declared != null && declaredTooLarge(declared, DISCARD_AT_MOST)) {
            return;
        }
        exchange.setMaxEntitySize(DISCARD_AT_MOST);
        try {
            if (!exchange.isBlocking()) {
                exchange.startBlocking();
            }
            InputStream in = exchange.getInputStream();
            byte[] chunk = new byte[CHUNK];
            while (in.read(chunk) != -1) {
                // dropped
            }
        } catch (IOException | RuntimeException e) {
            // Past DISCARD_AT_MOST, or the client gave up: the 413 goes out anyway, with Connection: close.
        }
    }

    /**
     * Reads {@code in} to its end.
     *
     * @throws ApiProblem 413 as soon as more than {@code limit} bytes arrived
     */
    static byte[] read(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(limit, CHUNK));
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk)) != -1) {
            if (body.size() + n > limit) {
                throw tooLarge(limit);
            }
            body.write(chunk, 0, n);
        }
        return body.toByteArray();
    }

    private static boolean declaredTooLarge(String declared, long limit) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException e) {
            // Undertow's parser refuses a malformed Content-Length before any handler runs.
            return false;
        }
    }

    /**
     * The rest of the body is never read, so the connection cannot carry another request: the answer says
     * so, and a client does not send its next request on a connection the server is about to close.
     */
    static ApiProblem tooLarge(int limit) {
        return ApiProblem.of(413, "the request body is larger than the limit of " + limit + " bytes")
                .header("Connection", "close");
    }
}
