package io.freecast.catalog.http.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** gzip for bodies worth it, when the client says it accepts gzip. */
final class Compression {

    /** Below about one kilobyte gzip saves less than it costs (headers, CPU, a second ETag form). */
    static final int THRESHOLD_BYTES = 1024;

    private Compression() {
    }

    static boolean worthCompressing(int length) {
        return length > THRESHOLD_BYTES;
    }

    /**
     * Whether an {@code Accept-Encoding} header accepts gzip: {@code gzip} or {@code *} listed without
     * {@code q=0}.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isEmpty()) {
            return false;
        }
        for (String entry : acceptEncoding.split(",")) {
            String[] parts = entry.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            if ((coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) && !refused(parts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip().toLowerCase(Locale.ROOT);
            if (param.startsWith("q=")) {
                try {
                    return Double.parseDouble(param.substring(2)) <= 0.0;
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        return false;
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
