package io.freecast.catalog.http.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Bytes served as they are (the OpenAPI document, the API explorer's files), with their ETag and gzip
 * form computed once at start-up rather than on every request.
 *
 * @param gzipped the gzip form, or {@code null} when the file is too small to be worth compressing
 */
record StaticFile(byte[] bytes, byte[] gzipped, String etag, String contentType) implements Representation {

    @Override
    public byte[] body() {
        return bytes;
    }

    static StaticFile of(byte[] bytes, String contentType) {
        return new StaticFile(bytes, Compression.worthCompressing(bytes.length) ? Compression.gzip(bytes) : null,
                ETags.of(bytes), contentType);
    }

    /** Loads a classpath resource; {@code null} when there is none by that name. */
    static StaticFile fromClasspath(String resource, String contentType) {
        try (InputStream in = StaticFile.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : of(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the classpath", e);
        }
    }
}
