package io.freecast.catalog.http.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A micro-cache of finished responses: for a short time (a second, by default in the launcher) the same
 * request target is answered with the same bytes, ETag and gzip form, straight from the IO thread —
 * no database round trip, no JSON writing, no hashing. Catalog data changes when a task runs (minutes
 * apart) and clients are already told {@code max-age=60}, so a second of reuse changes nothing a client can
 * see, while a burst of identical requests costs one query instead of thousands.
 *
 * <p>Bounded: at most {@link #MAX_ENTRIES} entries and {@link #MAX_BYTES} bytes, and only bodies up to
 * {@link #MAX_BODY_BYTES}; unknown query parameters make distinct keys, so a client inventing URLs can
 * only churn the cache, not grow it.
 */
final class ResponseCache {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_BYTES = 64L * 1024 * 1024;
    static final int MAX_BODY_BYTES = 512 * 1024;

    /**
     * A finished 200 response.
     *
     * @param gzipped the gzip form, or {@code null} when the body is too small to be worth compressing
     * @param link    the {@code Link} header, or {@code null}
     * @param total   the {@code X-Total-Count} header, or {@code null}
     */
    record Entry(String route, String contentType, byte[] body, byte[] gzipped, String etag, String link,
                 String total, long expiresAtNanos) {

        long size() {
            return body.length + (gzipped == null ? 0 : gzipped.length) + 256L;
        }
    }

    private final long ttlNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    ResponseCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    boolean enabled() {
        return ttlNanos > 0;
    }

    /** The fresh entry for a request target, or {@code null}. */
    Entry find(String target) {
        Entry entry = entries.get(target);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.expiresAtNanos >= 0) {
            if (entries.remove(target, entry)) {
                bytes.addAndGet(-entry.size());
            }
            return null;
        }
        return entry;
    }

    void put(String target, String route, String contentType, byte[] body, byte[] gzipped, String etag,
             String link, String total) {
        if (!enabled() || body.length > MAX_BODY_BYTES) {
            return;
        }
        Entry entry = new Entry(route, contentType, body, gzipped, etag, link, total, System.nanoTime() + ttlNanos);
        if (entries.size() >= MAX_ENTRIES || bytes.get() + entry.size() > MAX_BYTES) {
            evictExpired();
            if (entries.size() >= MAX_ENTRIES || bytes.get() + entry.size() > MAX_BYTES) {
                return;
            }
        }
        Entry previous = entries.put(target, entry);
        bytes.addAndGet(entry.size() - (previous == null ? 0 : previous.size()));
    }

    private void evictExpired() {
        long now = System.nanoTime();
        entries.forEach((target, entry) -> {
            if (now - entry.expiresAtNanos >= 0 && entries.remove(target, entry)) {
                bytes.addAndGet(-entry.size());
            }
        });
    }

    int size() {
        return entries.size();
    }
}
