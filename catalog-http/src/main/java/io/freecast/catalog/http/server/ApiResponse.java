package io.freecast.catalog.http.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a handler answers: a status, a body and extra headers. The server adds what every response gets:
 * {@code Content-Type}, {@code ETag} and {@code 304} handling for successful reads, {@code Cache-Control},
 * gzip when the client accepts it and the body is worth compressing.
 */
public final class ApiResponse {

    /** How long clients and proxies may reuse a response. */
    public enum Caching {
        /** {@code public, max-age=<configured>}: catalog data. */
        PUBLIC,
        /** {@code public, max-age=86400}: versioned static files. */
        LONG,
        /** {@code no-store}: health, metrics, anything that acts. */
        NO_STORE,
        /**
         * {@code private, no-cache}: catalog data read with a bearer token (private reads). It keeps its
         * {@code ETag} (writes name versions by it) but is never kept in a shared cache, this server's included.
         */
        PRIVATE
    }

    private final int status;
    private final Object json;
    private final byte[] bytes;
    private final String contentType;
    private final StaticFile file;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Caching caching = Caching.PUBLIC;

    private ApiResponse(int status, Object json, byte[] bytes, String contentType) {
        this.status = status;
        this.json = json;
        this.bytes = bytes;
        this.contentType = contentType;
        this.file = null;
    }

    private ApiResponse(StaticFile file) {
        this.status = 200;
        this.json = null;
        this.bytes = file.bytes();
        this.contentType = file.contentType();
        this.file = file;
    }

    /** A file whose ETag and gzip form were computed once, when it was loaded. */
    static ApiResponse file(StaticFile file) {
        return new ApiResponse(file);
    }

    /** 200 with a body that the server writes as JSON (records, lists, maps). */
    public static ApiResponse json(Object body) {
        return json(200, body);
    }

    /**
     * A JSON body with another status: 201, 202 … or a 503 that carries a body of its own (a health
     * report). Client errors are thrown as {@link ApiProblem} instead.
     */
    public static ApiResponse json(int status, Object body) {
        if (status < 200 || status > 599 || status >= 300 && status < 500) {
            throw new IllegalArgumentException("status must be 2xx or 5xx (throw ApiProblem for 4xx), got " + status);
        }
        return new ApiResponse(status, Objects.requireNonNull(body, "body"), null, "application/json");
    }

    /** 200 with bytes as they are. */
    public static ApiResponse bytes(byte[] body, String contentType) {
        return new ApiResponse(200, null, Objects.requireNonNull(body, "body"),
                Objects.requireNonNull(contentType, "contentType"));
    }

    /** Bytes already written (a representation whose ETag was computed from them), with any status. */
    static ApiResponse bytes(int status, byte[] body, String contentType) {
        return new ApiResponse(status, null, Objects.requireNonNull(body, "body"),
                Objects.requireNonNull(contentType, "contentType"));
    }

    /** 204: done, nothing to show (a deletion). */
    static ApiResponse noContent() {
        return new ApiResponse(204, null, new byte[0], "application/json").caching(Caching.NO_STORE);
    }

    /** Adds a response header (e.g. {@code Link}, {@code X-Total-Count}). */
    public ApiResponse header(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    public ApiResponse caching(Caching caching) {
        this.caching = Objects.requireNonNull(caching, "caching");
        return this;
    }

    int status() {
        return status;
    }

    Object json() {
        return json;
    }

    byte[] bytes() {
        return bytes;
    }

    String contentType() {
        return contentType;
    }

    Map<String, String> headers() {
        return headers;
    }

    StaticFile file() {
        return file;
    }

    Caching caching() {
        return caching;
    }
}
