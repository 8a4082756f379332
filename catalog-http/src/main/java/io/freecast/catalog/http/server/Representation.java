package io.freecast.catalog.http.server;

/**
 * A finished body ready to send, with its strong ETag and, when already computed, its gzip form.
 * {@link ResponseCache.Entry} and {@link StaticFile} are representations themselves, so serving them
 * allocates nothing; a freshly rendered body is a {@link Rendered}.
 */
interface Representation {

    byte[] body();

    /** The gzip form, or {@code null} when it was not computed (too small, or not cached). */
    byte[] gzipped();

    /** The strong entity tag of {@link #body()}, quotes included. */
    String etag();

    /** A body rendered for this request: tagged here, gzipped only if a client asks for it. */
    record Rendered(byte[] body, String etag) implements Representation {

        static Rendered of(byte[] body) {
            return new Rendered(body, ETags.of(body));
        }

        @Override
        public byte[] gzipped() {
            return null;
        }
    }
}
