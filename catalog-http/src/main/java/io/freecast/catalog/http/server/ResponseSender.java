package io.freecast.catalog.http.server;

import io.undertow.server.HttpServerExchange;
import java.nio.ByteBuffer;

/**
 * Writes a status and a body, and nothing else: {@code Content-Length} always, the body except for
 * {@code HEAD}. The end of every response path (reads, problems, {@code OPTIONS}, 304s).
 */
final class ResponseSender {

    private ResponseSender() {
    }

    static void send(HttpServerExchange exchange, int status, byte[] body) {
        exchange.setStatusCode(status);
        exchange.setResponseContentLength(body.length);
        if (Router.HEAD.equals(exchange.getRequestMethod().toString())) {
            finish(exchange, exchange::endExchange);
        } else {
            finish(exchange, () -> exchange.getResponseSender().send(ByteBuffer.wrap(body)));
        }
    }

    /** A response without a body (204, 304). */
    static void sendEmpty(HttpServerExchange exchange, int status) {
        exchange.setStatusCode(status);
        finish(exchange, exchange::endExchange);
    }

    /**
     * Writes the response from the connection's IO thread. A worker thread that wrote it itself would still
     * be unwinding when the client, already answered, sends its next request on the same connection; the
     * IO thread then spins until the worker lets go of the exchange — measured at 40% of the CPU under
     * load. Handing the write to the IO thread, after the worker has finished, removes that race. An
     * exchange in blocking mode (a handler read the request body) writes on its worker: its sender blocks.
     */
    private static void finish(HttpServerExchange exchange, Runnable write) {
        if (exchange.isInIoThread() || exchange.isBlocking()) {
            write.run();
        } else {
            exchange.dispatch(exchange.getIoThread(), write);
        }
    }
}
