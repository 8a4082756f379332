package io.freecast.catalog.http.server;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
    static final int MAX_QUEUED = 2 * MAX_ENTRIES;

    /** A finished 200 response, and when it was stored. */
    static final class Entry implements Representation {

        private final String route;
        private final String contentType;
        private final byte[] body;
        private final String etag;
        private final String link;
        private final String total;
        private final long storedAtNanos;
        private final long serial;
        private final AtomicBoolean refreshClaimed = new AtomicBoolean();
        /** Computed when a client first asks for it; two threads computing it at once both get equal bytes. */
        private volatile byte[] gzipped;

        /**
         * @param gzipped the gzip form when the request that built the body asked for it, else {@code null}:
         *                it is then computed if and when a client asks for it
         * @param link    the {@code Link} header, or {@code null}
         * @param total   the {@code X-Total-Count} header, or {@code null}
         */
        Entry(String route, String contentType, byte[] body, byte[] gzipped, String etag, String link,
              String total, long storedAtNanos, long serial) {
            this.serial = serial;
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

        /**
         * The gzip form, compressed on first use: most requests of a long tail of items are a single miss
         * from a client that may not accept gzip, and compressing every stored body up front cost a tenth
         * of such a request. {@code null} when the body is too small to be worth compressing.
         */
        @Override
        public byte[] gzipped() {
            byte[] form = gzipped;
            if (form == null && Compression.worthCompressing(body.length)) {
                form = Compression.gzip(body);
                gzipped = form;
            }
            return form;
        }

        /** Whether a client has asked for the gzip form already (a refresh then compresses up front). */
        boolean compressed() {
            return gzipped != null;
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

        /**
         * What the entry counts against {@link #MAX_BYTES}: fixed when it is stored, so the count stays exact
         * however late its gzip form is made; that form is counted as large as the body (JSON compresses to
         * far less), so the bound holds either way.
         */
        long size() {
            return body.length + (Compression.worthCompressing(body.length) ? body.length : 0) + 256L;
        }
    }

    private final long ttlNanos;
    private final long refreshAfterNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /**
     * Every entry stored, oldest first, by its target and when it was stored. All entries live for the same
     * TTL, so the oldest are the first to expire: making room takes expired entries off the head instead of
     * going through the whole map, which, with the cache full of a long tail of single items, took a quarter
     * of every miss's CPU. The queue names entries but does not hold them, so an entry dropped by a write is
     * garbage at once; the names of entries already dropped or replaced are passed over when they reach the
     * head. So that writes which keep dropping entries cannot make it grow without bound, it holds at most
     * {@link #MAX_QUEUED} names, and the oldest entries beyond that are forgotten early.
     */
    private final Queue<Stored> byAge = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();

    /** An entry's place in {@link #byAge}: its target, when it was stored, and which store of that target it was. */
    private record Stored(String target, long storedAtNanos, long serial) {
    }

    /** Numbers every entry, so a name in {@link #byAge} finds its own entry and never a later one. */
    private final AtomicLong serials = new AtomicLong();
    /** One thread at a time takes entries off the head; the others store without waiting for it. */
    private final ReentrantLock trimming = new ReentrantLock();
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
     * Keeps a finished response, so that later requests of the same target are answered from the IO thread.
     *
     * @param gzipped the body's gzip form if it was made already, else {@code null} (made when first asked for)
     * @param builtAt {@link #generation()} when the request whose response this is began
     * @return the entry, whether kept or not (too big, cache full)
     */
    Entry store(String target, String route, String contentType, byte[] body, byte[] gzipped, String etag,
                String link, String total, long builtAt) {
        Entry entry = new Entry(route, contentType, body, gzipped, etag, link, total, nanoTime.getAsLong(),
                serials.incrementAndGet());
        keep(target, entry, builtAt);
        return entry;
    }

    /** Keeps {@code entry} unless a write invalidated since {@code builtAt}, or it does not fit. */
    private void keep(String target, Entry entry, long builtAt) {
        if (!enabled() || entry.body.length > MAX_BODY_BYTES || builtAt != generation.get()) {
            return;
        }
        forgetExpired();
        if (entries.size() >= MAX_ENTRIES || bytes.get() + entry.size() > MAX_BYTES) {
            return;
        }
        Entry previous = entries.put(target, entry);
        byAge.add(new Stored(target, entry.storedAtNanos, entry.serial));
        queued.incrementAndGet();
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

    /**
     * Takes the expired entries off the head of {@link #byAge} (and the oldest beyond {@link #MAX_QUEUED}):
     * as many as there are, and no more. Skipped when another thread is at it.
     */
    private void forgetExpired() {
        if (!trimming.tryLock()) {
            return;
        }
        try {
            long now = nanoTime.getAsLong();
            Stored oldest;
            while ((oldest = byAge.peek()) != null
                    && (now - oldest.storedAtNanos() >= ttlNanos || queued.get() > MAX_QUEUED)) {
                byAge.poll();
                queued.decrementAndGet();
                Entry entry = entries.get(oldest.target());
                if (entry != null && entry.serial == oldest.serial()) {
                    forget(oldest.target(), entry);
                }
            }
        } finally {
            trimming.unlock();
        }
    }

    int size() {
        return entries.size();
    }

    /** How many entries the age queue holds, dropped ones included (for tests of its bound). */
    int queued() {
        return queued.get();
    }
}
