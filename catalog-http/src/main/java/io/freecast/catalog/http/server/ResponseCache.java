package io.freecast.catalog.http.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A micro-cache of finished responses: for a short time (a second, by default in the launcher) the same
 * request target is answered with the same bytes, ETag and gzip form, straight from the IO thread —
 * no database round trip, no JSON writing, no hashing. Catalog data changes when a task runs (minutes
 * apart) and clients are already told {@code max-age=60}, so a second of reuse changes nothing a client can
 * see, while a burst of identical requests costs one query instead of thousands.
 *
 * <p><b>Refreshed ahead of expiry.</b> An entry is served for at most the TTL after it was stored, never
 * longer. Once it is past half its TTL, the first request that finds it still gets it and also
 * {@linkplain #claimRefresh claims} its refresh, which the server runs once in the background; the fresh
 * response then replaces the entry. Without this, every entry of a busy URL expired at once for all
 * clients, and each of them waited for the database together, once per TTL: the latency tail the
 * benchmark measured. A refresh that fails or is still running when the TTL ends leaves nothing stale
 * behind: the entry is dropped, and requests read the database as if there had been no cache.
 *
 * <p><b>Dropped at once by writes.</b> A write through this server {@linkplain #invalidate invalidates} the
 * entries it affects before it answers. A response being built while the write happens may already hold
 * the old data, so an entry is stored only when no invalidation happened since its request began
 * ({@link #generation()}); other nodes' caches age out within their TTL.
 *
 * <p>Bounded: at most {@link #MAX_ENTRIES} entries and {@link #MAX_BYTES} bytes, and only bodies up to
 * {@link #MAX_BODY_BYTES}; unknown query parameters make distinct keys, so a client inventing URLs can
 * only churn the cache, not grow it.
 */
final class ResponseCache {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_BYTES = 64L * 1024 * 1024;
    static final int MAX_BODY_BYTES = 512 * 1024;

    /** A finished 200 response, and when it was stored. */
    static final class Entry implements Representation {

        private final String route;
        private final String contentType;
        private final byte[] body;
        private final byte[] gzipped;
        private final String etag;
        private final String link;
        private final String total;
        private final long storedAtNanos;
        private final AtomicBoolean refreshClaimed = new AtomicBoolean();

        /**
         * @param gzipped the gzip form, or {@code null} when the body is too small to be worth compressing
         * @param link    the {@code Link} header, or {@code null}
         * @param total   the {@code X-Total-Count} header, or {@code null}
         */
        Entry(String route, String contentType, byte[] body, byte[] gzipped, String etag, String link, String total,
              long storedAtNanos) {
            this.route = route;
            this.contentType = contentType;
            this.body = body;
            this.gzipped = gzipped;
            this.etag = etag;
            this.link = link;
            this.total = total;
            this.storedAtNanos = storedAtNanos;
        }

        String route() {
            return route;
        }

        String contentType() {
            return contentType;
        }

        @Override
        public byte[] body() {
            return body;
        }

        @Override
        public byte[] gzipped() {
            return gzipped;
        }

        @Override
        public String etag() {
            return etag;
        }

        String link() {
            return link;
        }

        String total() {
            return total;
        }

        long size() {
            return body.length + (gzipped == null ? 0 : gzipped.length) + 256L;
        }
    }

    private final long ttlNanos;
    private final long refreshAfterNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();

    /** @param nanoTime the clock entries age by ({@link System#nanoTime()} but in tests) */
    ResponseCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.refreshAfterNanos = ttlNanos / 2;
        this.nanoTime = nanoTime;
    }

    boolean enabled() {
        return ttlNanos > 0;
    }

    /** The entry for a request target if it is younger than the TTL, or {@code null}. */
    Entry find(String target) {
        Entry entry = entries.get(target);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.storedAtNanos >= ttlNanos) {
            forget(target, entry);
            return null;
        }
        return entry;
    }

    /**
     * Whether the caller should refresh this entry now: true once per entry, for the first caller that
     * finds it past half its TTL. The caller then builds the response afresh and {@link #put}s it (or
     * {@link #forget}s the entry when the target no longer answers a cacheable 200).
     */
    boolean claimRefresh(Entry entry) {
        return nanoTime.getAsLong() - entry.storedAtNanos >= refreshAfterNanos
                && !entry.refreshClaimed.get() && entry.refreshClaimed.compareAndSet(false, true);
    }

    /**
     * A counter every {@link #invalidate} moves on: read it before building a response, and hand it to
     * {@link #put}, which then refuses a response built from data a write has since replaced.
     */
    long generation() {
        return generation.get();
    }

    /** Drops every entry whose request target starts with one of {@code prefixes} (e.g. {@code /movies}). */
    void invalidate(java.util.Collection<String> prefixes) {
        generation.incrementAndGet();
        entries.forEach((target, entry) -> {
            for (String prefix : prefixes) {
                if (target.startsWith(prefix)) {
                    forget(target, entry);
                    return;
                }
            }
        });
    }

    /**
     * Keeps a finished response, gzipped once here so that every later hit can be answered in either form
     * from the IO thread.
     *
     * @param builtAt {@link #generation()} when the request whose response this is began
     * @return the entry, whether kept or not (too big, cache full): it carries both forms either way
     */
    Entry store(String target, String route, String contentType, byte[] body, String etag, String link,
                String total, long builtAt) {
        byte[] gzipped = Compression.worthCompressing(body.length) ? Compression.gzip(body) : null;
        Entry entry = new Entry(route, contentType, body, gzipped, etag, link, total, nanoTime.getAsLong());
        keep(target, entry, builtAt);
        return entry;
    }

    /** Keeps {@code entry} unless a write invalidated since {@code builtAt}, or it does not fit. */
    private void keep(String target, Entry entry, long builtAt) {
        if (!enabled() || entry.body.length > MAX_BODY_BYTES || builtAt != generation.get()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES || bytes.get() + entry.size() > MAX_BYTES) {
            evictExpired();
            if (entries.size() >= MAX_ENTRIES || bytes.get() + entry.size() > MAX_BYTES) {
                return;
            }
        }
        Entry previous = entries.put(target, entry);
        bytes.addAndGet(entry.size() - (previous == null ? 0 : previous.size()));
        if (builtAt != generation.get()) {
            // A write invalidated while this was being stored: it may have missed this entry.
            forget(target, entry);
        }
    }

    /** Drops {@code entry} if it is still the one stored for {@code target}. */
    void forget(String target, Entry entry) {
        if (entries.remove(target, entry)) {
            bytes.addAndGet(-entry.size());
        }
    }

    private void evictExpired() {
        long now = nanoTime.getAsLong();
        entries.forEach((target, entry) -> {
            if (now - entry.storedAtNanos >= ttlNanos) {
                forget(target, entry);
            }
        });
    }

    int size() {
        return entries.size();
    }
}
