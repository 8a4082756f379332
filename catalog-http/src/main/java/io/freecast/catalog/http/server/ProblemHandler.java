package io.freecast.catalog.http.server;

import io.freecast.catalog.port.out.StorageUnavailableException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error mapping: whatever the handlers after this one throw becomes a problem response
 * ({@link ProblemWriter}). An {@link ApiProblem} is the client's mistake and keeps its 4xx status and
 * headers. Storage that cannot be used now ({@link StorageUnavailableException}: the database went away, the
 * disk is full) is answered 503 with {@code Retry-After} and logged by nobody here: the storage adapter logs
 * the outage once, not once per request. Nothing a client sends may cause any other 5xx, so anything else
 * is a bug: logged with its stack trace and answered as a plain 500 problem that says no more.
 */
final class ProblemHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    private final ProblemWriter problems;
    private final HttpHandler next;

    ProblemHandler(ProblemWriter problems, HttpHandler next) {
        this.problems = problems;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (ApiProblem problem) {
            problems.send(exchange, problem);
        } catch (Exception | Error e) {
            StorageUnavailableException unavailable = StorageOutages.find(e);
            if (unavailable != null) {
                problems.sendWithHeaders(exchange, 503, unavailable.getMessage(),
                        Map.of("Retry-After", StorageOutages.retryAfterSeconds(unavailable)));
                return;
            }
            LOG.error("unexpected failure answering {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            problems.send(exchange, 500, "the server failed to answer; the failure was logged", null);
        }
    }
}
