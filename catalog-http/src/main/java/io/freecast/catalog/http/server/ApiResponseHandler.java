package io.freecast.catalog.http.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.util.Map;

/**
 * Renders what a route's handler answered ({@link ApiRoutingHandler#RESPONSE}): the body (written as
 * JSON unless it is bytes or a file), {@code Content-Type}, {@code Cache-Control} and the handler's own
 * headers. A successful read goes on to the representation steps — the response cache's store when the
 * response is {@code public} catalog data, then ETag/304 and gzip; anything else (writes, other statuses,
 * {@code no-store}) is sent as it is.
 */
final class ApiResponseHandler implements HttpHandler {

    private final ObjectMapper json;
    private final String publicCaching;
    private final RepresentationHandler cacheable;
    private final RepresentationHandler read;

    /**
     * @param cacheable where a {@code public} catalog read goes (the response cache's store, when on)
     * @param read      where any other successful read goes (static files, {@code LONG} caching)
     */
    ApiResponseHandler(ObjectMapper json, String publicCaching, RepresentationHandler cacheable,
                       RepresentationHandler read) {
        this.json = json;
        this.publicCaching = publicCaching;
        this.cacheable = cacheable;
        this.read = read;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        ApiResponse response = exchange.getAttachment(ApiRoutingHandler.RESPONSE);
        String method = exchange.getRequestMethod().toString();
        boolean isRead = method.equals(Router.GET) || method.equals(Router.HEAD);
        HeaderMap headers = exchange.getResponseHeaders();
        ResponseHeaders.describe(headers, response.contentType(), isRead ? cacheControl(response.caching()) : "no-store");
        if (response.status() == 204) {
            // No content, so no type of it (a deletion's answer).
            headers.remove(io.undertow.util.Headers.CONTENT_TYPE);
        }
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            headers.put(new HttpString(header.getKey()), header.getValue());
        }
        StaticFile file = response.file();
        if (file != null && isRead && response.status() == 200) {
            read.handle(exchange, file);
            return;
        }
        byte[] body = body(response);
        if (!isRead || response.status() != 200 || response.caching() == ApiResponse.Caching.NO_STORE) {
            ResponseSender.send(exchange, response.status(), body);
        } else if (response.caching() == ApiResponse.Caching.PUBLIC) {
            cacheable.handle(exchange, Representation.Rendered.of(body));
        } else {
            read.handle(exchange, Representation.Rendered.of(body));
        }
    }

    /** The response body as bytes: given, or the handler's object written as JSON. */
    byte[] body(ApiResponse response) {
        if (response.bytes() != null) {
            return response.bytes();
        }
        try {
            return json.writeValueAsBytes(response.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response as JSON", e);
        }
    }

    private String cacheControl(ApiResponse.Caching caching) {
        return switch (caching) {
            case PUBLIC -> publicCaching;
            case LONG -> "public, max-age=86400";
            case NO_STORE -> "no-store";
            case PRIVATE -> "private, no-cache";
        };
    }
}
