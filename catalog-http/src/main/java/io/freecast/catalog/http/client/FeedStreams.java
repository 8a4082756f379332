package io.freecast.catalog.http.client;

import io.freecast.catalog.domain.FeedLocation;
import io.freecast.catalog.port.out.FeedUnreadableException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Opens a feed wherever it is — an http(s) URL, a file, a classpath resource — as a stream of decoded
 * JSON bytes: gzip undone, the size limit applied, and what is plainly not JSON (an HTTP error, an HTML
 * page) refused before parsing. Every failure is a {@link FeedUnreadableException} with a one-line reason.
 */
final class FeedStreams {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int PEEK = 256;

    private final OutboundHttp http;
    private final long maxBytes;
    private final ClassLoader classLoader;

    FeedStreams(OutboundHttp http, long maxBytes, ClassLoader classLoader) {
        this.http = http;
        this.maxBytes = maxBytes;
        this.classLoader = classLoader;
    }

    /** The feed's JSON bytes; the caller closes the stream. */
    InputStream open(FeedLocation location) throws IOException {
        InputStream raw = switch (location.kind()) {
            case URL -> fromUrl(location);
            case FILE -> fromFile(location.value());
            case CLASSPATH -> fromClasspath(location.value());
        };
        try {
            InputStream decoded = gunzipIfCompressed(new BufferedInputStream(raw, 64 * 1024));
            BufferedInputStream limited = new BufferedInputStream(new FeedSizeLimitStream(decoded, maxBytes), 64 * 1024);
            refuseHtml(limited);
            return limited;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private InputStream fromUrl(FeedLocation location) throws IOException {
        URI uri;
        try {
            uri = URI.create(location.value());
        } catch (IllegalArgumentException e) {
            throw new FeedUnreadableException("the feed URL is not a valid URL: " + e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.sendFollowingRedirects(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnreadableException("interrupted while connecting to the feed");
        }
        InputStream body = response.body();
        try {
            checkResponse(response);
        } catch (RuntimeException e) {
            body.close();
            throw e;
        }
        return new FeedStallGuard(body, http.settings().requestTimeout());
    }

    private void checkResponse(HttpResponse<InputStream> response) {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new FeedUnreadableException("the feed server answered HTTP " + status + " instead of the feed");
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
            throw new FeedUnreadableException("the feed server answered an HTML page (" + type
                    + ", HTTP " + status + "), not JSON");
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (length > maxBytes) {
            throw new FeedUnreadableException("the feed is " + length + " bytes, larger than the limit of "
                    + FeedSizeLimitStream.describe(maxBytes));
        }
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").strip()
                .toLowerCase(Locale.ROOT);
        if (!encoding.isEmpty() && !encoding.equals("identity") && !encoding.equals("gzip")
                && !encoding.equals("x-gzip")) {
            throw new FeedUnreadableException("the feed server used an unsupported Content-Encoding: " + encoding);
        }
    }

    private static InputStream fromFile(String path) throws IOException {
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            throw new FeedUnreadableException("not a valid file path: " + path);
        }
        if (Files.isDirectory(file)) {
            throw new FeedUnreadableException("the feed path is a directory, not a file: " + path);
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new FeedUnreadableException("no such feed file: " + path);
        }
    }

    private InputStream fromClasspath(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        InputStream in = classLoader.getResourceAsStream(name);
        if (in == null) {
            throw new FeedUnreadableException("no such classpath resource: " + name);
        }
        return in;
    }

    /**
     * Undoes gzip when the bytes start with its magic number, whatever the source: a server's
     * {@code Content-Encoding: gzip}, a {@code .json.gz} file or resource. JSON never starts with 0x1f.
     */
    private static InputStream gunzipIfCompressed(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2 ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    /** An HTML error or login page served with a JSON content type still starts with '<'. */
    private static void refuseHtml(BufferedInputStream in) throws IOException {
        in.mark(PEEK);
        try {
            for (int i = 0; i < PEEK; i++) {
                int b = in.read();
                if (b < 0 || !(b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF)) {
                    if (b == '<') {
                        throw new FeedUnreadableException("the feed is an HTML or XML page, not JSON");
                    }
                    return;
                }
            }
        } finally {
            in.reset();
        }
    }
}
