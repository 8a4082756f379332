package io.freecast.catalog.http.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * Problem rendering: an RFC 9457 {@code application/problem+json} body ({@link Problem}) in place of
 * whatever a response had begun to say — its ETag, encoding and paging headers go, and it is never stored.
 */
final class ProblemWriter {

    static final String PROBLEM_JSON = "application/problem+json";
    /** A problem names the request path as its {@code instance}, unless the path is too long to echo. */
    static final int MAX_INSTANCE_LENGTH = 256;

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    void send(HttpServerExchange exchange, int status, String detail, String parameter) {
        send(exchange, status, instance -> Problem.of(status, detail, instance, parameter), Map.of());
    }

    /** A problem with headers of its own, e.g. a 503's {@code Retry-After}. */
    void sendWithHeaders(HttpServerExchange exchange, int status, String detail, Map<String, String> headers) {
        send(exchange, status, instance -> Problem.of(status, detail, instance, null), headers);
    }

    /** A thrown problem, with its own headers ({@code WWW-Authenticate}, a 412's {@code ETag}…) and members. */
    void send(HttpServerExchange exchange, ApiProblem problem) {
        send(exchange, problem.status(), instance -> Problem.of(problem, instance), problem.headers());
    }

    private void send(HttpServerExchange exchange, int status, Function<String, Problem> document,
                      Map<String, String> extraHeaders) {
        if (exchange.isResponseStarted()) {
            // Too late for a problem body: the status line is gone. Cut the connection so the client
            // sees a failure rather than a truncated body it might take for a whole one.
            try {
                exchange.getConnection().close();
            } catch (IOException e) {
                // Closing is all that was left to do.
            }
            return;
        }
        HeaderMap headers = exchange.getResponseHeaders();
        headers.remove(Headers.ETAG);
        headers.remove(Headers.CONTENT_ENCODING);
        headers.remove(ResponseHeaders.TOTAL_COUNT);
        headers.remove(ResponseHeaders.LINK);
        ResponseHeaders.describe(headers, PROBLEM_JSON, "no-store");
        extraHeaders.forEach((name, value) -> headers.put(new HttpString(name), value));
        String path = exchange.getRequestPath();
        ResponseSender.send(exchange, status, render(document.apply(path.length() <= MAX_INSTANCE_LENGTH ? path : null)));
    }

    private byte[] render(Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return ("{\"type\":\"about:blank\",\"status\":" + problem.status() + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
