package io.freecast.catalog.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** Speaks HTTP to a server under test, over loopback, and reads its answers. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("<([^>]*)>;\\s*rel=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    /** One answer: status, headers and the body (un-gzipped when it came gzipped). */
    record Answer(int status, java.net.http.HttpHeaders headers, byte[] rawBody, byte[] body) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text(), e);
            }
        }

        /** {@code rel → target} of the {@code Link} header. */
        Map<String, String> links() {
            Map<String, String> links = new LinkedHashMap<>();
            header("Link").ifPresent(value -> {
                Matcher m = LINK.matcher(value);
                while (m.find()) {
                    links.put(m.group(2), m.group(1));
                }
            });
            return links;
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + text();
        }
    }

    Answer get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, headers);
    }

    Answer send(String method, String pathAndQuery, String... headers) {
        return exchange(method, pathAndQuery, method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody(), headers);
    }

    /**
     * Sends {@code body} as it is, with {@code Content-Type: application/json} unless {@code headers} name
     * another (or {@code Content-Type: none} to send none).
     */
    Answer sendBody(String method, String pathAndQuery, byte[] body, String... headers) {
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        String[] all = headers;
        if (!typed) {
            all = java.util.Arrays.copyOf(headers, headers.length + 2);
            all[headers.length] = "Content-Type";
            all[headers.length + 1] = "application/json";
        }
        return exchange(method, pathAndQuery, HttpRequest.BodyPublishers.ofByteArray(body), all);
    }

    Answer sendJson(String method, String pathAndQuery, String json, String... headers) {
        return sendBody(method, pathAndQuery, json.getBytes(StandardCharsets.UTF_8), headers);
    }

    private Answer exchange(String method, String pathAndQuery, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            if (!(headers[i].equalsIgnoreCase("Content-Type") && headers[i + 1].equals("none"))) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] raw = response.body();
            boolean gzipped = response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent();
            return new Answer(response.statusCode(), response.headers(), raw, gzipped ? gunzip(raw) : raw);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request target exactly as given, over a plain socket: for targets {@link java.net.URI}
     * refuses to build (bad escapes, raw control characters) and for methods no client library sends.
     */
    Answer raw(String method, String target, String... headers) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                    .append("Connection: close\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            request.append("\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            byte[] all = socket.getInputStream().readAllBytes();
            return parseRaw(all);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " failed", e);
        }
    }

    private static Answer parseRaw(byte[] all) {
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, java.util.List<String>> headerMap = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headerMap.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new java.util.ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        return new Answer(status, java.net.http.HttpHeaders.of(headerMap, (a, b) -> true), body, body);
    }

    static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("not gzip", e);
        }
    }
}
