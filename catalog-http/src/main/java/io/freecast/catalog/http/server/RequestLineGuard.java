package io.freecast.catalog.http.server;

import io.undertow.server.AbstractServerConnection;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpOpenListener;
import org.xnio.ChannelListener;
import org.xnio.StreamConnection;

/**
 * Where a new connection is handed to Undertow: first its reading side gets a {@link RequestLineConduit} and
 * its writing side a {@link ParserRejectionConduit}, so the requests Undertow's parser would answer with a
 * bare 400 (a bad percent escape — it throws on one whatever its decoding options say) or would serve
 * though it should not ({@code HTTP/9.9}, taken for HTTP/1.1) get a problem+json answer like every other
 * refusal: a 400 naming the parameter at fault, a 505.
 */
final class RequestLineGuard implements ChannelListener<StreamConnection> {

    /**
     * After an exchange that left nothing read ahead, the next bytes on its connection begin a request line.
     * Runs before Undertow's own completion (listeners run last added first), while the bytes it read ahead
     * of the next request, if any, are still counted on the connection.
     */
    private static final ExchangeCompletionListener NEXT_BYTES_BEGIN_A_REQUEST = (exchange, nextListener) -> {
        if (exchange.getConnection() instanceof AbstractServerConnection connection
                && connection.getExtraBytes() == null
                && connection.getOriginalSourceConduit() instanceof RequestLineConduit requestLines) {
            requestLines.expectRequestLine();
        }
        nextListener.proceed();
    };

    private final HttpOpenListener http;

    RequestLineGuard(HttpOpenListener http) {
        this.http = http;
    }

    @Override
    public void handleEvent(StreamConnection connection) {
        RequestLineConduit requestLines = new RequestLineConduit(connection.getSourceChannel().getConduit());
        connection.getSourceChannel().setConduit(requestLines);
        connection.getSinkChannel().setConduit(
                new ParserRejectionConduit(connection.getSinkChannel().getConduit(), requestLines));
        http.handleEvent(connection);
    }

    /** {@code next}, with each exchange telling its connection's guard when the next request line begins. */
    static HttpHandler checkingEveryRequestLine(HttpHandler next) {
        return exchange -> {
            exchange.addExchangeCompleteListener(NEXT_BYTES_BEGIN_A_REQUEST);
            next.handleRequest(exchange);
        };
    }
}
