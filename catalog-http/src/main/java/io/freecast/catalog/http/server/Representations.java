package io.freecast.catalog.http.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * Items as the API writes them, byte for byte: the same JSON views and the same writer as the GETs, so the
 * ETag a write compares {@code If-Match} with, or returns after the change, is the one a GET of the item
 * gives (see {@link IfMatch}).
 */
final class Representations {

    private final ObjectMapper json;

    Representations(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    byte[] bytes(Object view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the item as JSON", e);
        }
    }

    String etag(Object view) {
        return ETags.of(bytes(view));
    }

    /** 200 with the item and its ETag: the answer to a change. */
    ApiResponse ok(Object view) {
        return withTag(200, view);
    }

    /** 201 with the new item, its ETag and {@code Location}. */
    ApiResponse created(Object view, String location) {
        return withTag(201, view).header("Location", location);
    }

    private ApiResponse withTag(int status, Object view) {
        byte[] body = bytes(view);
        return ApiResponse.bytes(status, body, "application/json").header("ETag", ETags.of(body))
                .caching(ApiResponse.Caching.NO_STORE);
    }
}
