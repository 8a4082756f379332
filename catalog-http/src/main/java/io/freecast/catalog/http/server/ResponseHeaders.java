package io.freecast.catalog.http.server;

import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.time.Duration;

/** The headers that describe every API response body, whether freshly rendered or from the response cache. */
final class ResponseHeaders {

    static final HttpString NOSNIFF = new HttpString("X-Content-Type-Options");
    static final HttpString LINK = new HttpString("Link");
    static final HttpString TOTAL_COUNT = new HttpString(Paging.TOTAL_COUNT);

    private ResponseHeaders() {
    }

    static void describe(HeaderMap headers, String contentType, String cacheControl) {
        headers.put(Headers.CONTENT_TYPE, contentType);
        headers.put(Headers.CACHE_CONTROL, cacheControl);
        headers.put(NOSNIFF, "nosniff");
    }

    /** {@code Cache-Control} of catalog data: {@code public, max-age=…}, or {@code no-cache} for zero. */
    static String publicCaching(Duration maxAge) {
        return maxAge.isZero() ? "no-cache" : "public, max-age=" + maxAge.toSeconds();
    }
}
